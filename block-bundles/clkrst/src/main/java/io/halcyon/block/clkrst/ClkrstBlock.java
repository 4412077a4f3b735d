package io.halcyon.block.clkrst;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.clkrst.regs.ClkrstMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from clkrst.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=clkrst", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.clkrst.ClockResetDriver")
public class ClkrstBlock implements HardwareBlock {

    private final long base;

    @Activate
    public ClkrstBlock(ClkrstConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return ClkrstMap.BLOCK;
    }

    @Override
    public String description() {
        return ClkrstMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return ClkrstMap.REGISTERS;
    }
}
