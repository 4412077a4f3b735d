package io.halcyon.block.intc;

import io.halcyon.block.intc.regs.IntcBlock;
import io.halcyon.block.intc.regs.IntcConfig;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from intc.rdl at the configured base. */
public class IntcBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheConfiguredBase() {
        HardwareBlock block = new IntcBlock(Configs.instance(IntcConfig.class, "intc1", 0x12_0000));
        assertEquals("intc1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals(List.of("PENDING@0x0", "ENABLE@0x4", "ACTIVE@0x8"),
                block.registers().stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList());
    }
}
