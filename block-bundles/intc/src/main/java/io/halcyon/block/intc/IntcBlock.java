package io.halcyon.block.intc;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.intc.regs.IntcMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from intc.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=intc", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.intc.InterruptControllerDriver")
public class IntcBlock implements HardwareBlock {

    private final long base;

    @Activate
    public IntcBlock(IntcConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return IntcMap.BLOCK;
    }

    @Override
    public String description() {
        return IntcMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return IntcMap.REGISTERS;
    }
}
