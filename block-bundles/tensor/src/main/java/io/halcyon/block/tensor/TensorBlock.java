package io.halcyon.block.tensor;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.tensor.regs.TensorMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from tensor.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=tensor", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.tensor.TensorEngineDriver")
public class TensorBlock implements HardwareBlock {

    private final long base;

    @Activate
    public TensorBlock(TensorConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return TensorMap.BLOCK;
    }

    @Override
    public String description() {
        return TensorMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return TensorMap.REGISTERS;
    }
}
