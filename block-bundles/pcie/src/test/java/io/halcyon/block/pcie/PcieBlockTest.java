package io.halcyon.block.pcie;

import io.halcyon.block.pcie.regs.PcieBlock;
import io.halcyon.block.pcie.regs.PcieConfig;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.WriteEffect;

/** The HardwareBlock service publishes the map generated from pcie.rdl at the configured base. */
public class PcieBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheConfiguredBase() {
        HardwareBlock block = new PcieBlock(Configs.instance(PcieConfig.class, "pcie1", 0x12_0000));
        assertEquals("pcie1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals(List.of("LINK_CTRL@0x0", "LINK_STATUS@0x4", "ERR_STATUS@0x8"),
                block.registers().stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList());
        assertTrue(block.register("ERR_STATUS").orElseThrow().fields().stream().allMatch(f -> f.onWrite() == WriteEffect.WOCLR));
    }
}
