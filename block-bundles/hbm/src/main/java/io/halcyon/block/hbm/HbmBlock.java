package io.halcyon.block.hbm;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.hbm.regs.HbmMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from hbm.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=hbm", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.hbm.HbmControllerDriver")
public class HbmBlock implements HardwareBlock {

    private final long base;

    @Activate
    public HbmBlock(HbmConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return HbmMap.BLOCK;
    }

    @Override
    public String description() {
        return HbmMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return HbmMap.REGISTERS;
    }
}
