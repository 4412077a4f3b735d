package io.halcyon.block.tensor;

import io.halcyon.block.tensor.regs.TensorBlock;
import io.halcyon.block.tensor.regs.TensorConfig;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from tensor.rdl at the configured base. */
public class TensorBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheConfiguredBase() {
        HardwareBlock block = new TensorBlock(Configs.instance(TensorConfig.class, "tensor1", 0x12_0000));
        assertEquals("tensor1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals("twelve of generation 1, FEATURES since generation 2", 14, block.registers().size());
        assertEquals(0x40, block.register("CYCLES").orElseThrow().offset());
        assertEquals(64, block.register("CMD_A").orElseThrow().width());
    }
}
