package io.halcyon.block.tensor;

import io.halcyon.block.tensor.regs.TensorConfig;
import io.halcyon.block.tensor.regs.TensorBlock;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from tensor.rdl at the configured base. */
public class TensorBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheChipBase() {
        HardwareBlock block = new TensorBlock(Configs.of(TensorConfig.class, Map.of()));
        assertEquals("tensor", block.name());
        assertEquals(0x6_0000, block.baseAddress());
        assertEquals(13, block.registers().size());
        assertEquals(0x40, block.register("CYCLES").orElseThrow().offset());
        assertEquals(64, block.register("CMD_A").orElseThrow().width());
    }
}
