package io.halcyon.block.sysctrl;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.sysctrl.regs.SysctrlMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from sysctrl.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=sysctrl", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.sysctrl.SystemControlDriver")
public class SysctrlBlock implements HardwareBlock {

    private final long base;

    @Activate
    public SysctrlBlock(SysctrlConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return SysctrlMap.BLOCK;
    }

    @Override
    public String description() {
        return SysctrlMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return SysctrlMap.REGISTERS;
    }
}
