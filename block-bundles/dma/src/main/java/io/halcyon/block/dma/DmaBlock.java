package io.halcyon.block.dma;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.dma.regs.DmaMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from dma.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=dma", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.dma.DmaEngineDriver")
public class DmaBlock implements HardwareBlock {

    private final long base;

    @Activate
    public DmaBlock(DmaConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return DmaMap.BLOCK;
    }

    @Override
    public String description() {
        return DmaMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return DmaMap.REGISTERS;
    }
}
