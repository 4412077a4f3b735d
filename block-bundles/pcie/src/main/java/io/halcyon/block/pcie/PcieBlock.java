package io.halcyon.block.pcie;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.pcie.regs.PcieMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from pcie.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=pcie", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.pcie.PcieEndpointDriver")
public class PcieBlock implements HardwareBlock {

    private final long base;

    @Activate
    public PcieBlock(PcieConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return PcieMap.BLOCK;
    }

    @Override
    public String description() {
        return PcieMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return PcieMap.REGISTERS;
    }
}
