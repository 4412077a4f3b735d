package io.halcyon.block.dma;

import io.halcyon.block.dma.regs.DmaBlock;
import io.halcyon.block.dma.regs.DmaConfig;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from dma.rdl at the configured base. */
public class DmaBlockTest {

    @Test
    public void publishesEveryChannelsRegistersAtTheConfiguredBase() {
        HardwareBlock block = new DmaBlock(Configs.instance(DmaConfig.class, "dma1", 0x12_0000));
        assertEquals("dma1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals(2 + 4 * 5, block.registers().size());
        assertEquals(0x104 + 3 * 0x40, block.register("CH[3].TAIL").orElseThrow().offset());
        assertEquals(64, block.register("BYTES_MOVED").orElseThrow().width());
    }
}
