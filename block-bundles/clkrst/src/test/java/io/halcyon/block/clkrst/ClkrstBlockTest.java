package io.halcyon.block.clkrst;

import io.halcyon.block.clkrst.regs.ClkrstBlock;
import io.halcyon.block.clkrst.regs.ClkrstConfig;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from clkrst.rdl at the configured base. */
public class ClkrstBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheConfiguredBase() {
        HardwareBlock block = new ClkrstBlock(Configs.instance(ClkrstConfig.class, "clkrst1", 0x12_0000));
        assertEquals("clkrst1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals(List.of("CORE_PLL_CTRL@0x0", "CORE_PLL_STATUS@0x4", "HBM_PLL_CTRL@0x8", "HBM_PLL_STATUS@0xc",
                "BLOCK_RESET@0x10", "CLOCK_EN@0x14"),
                block.registers().stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList());
        assertEquals(0x3F, block.register("BLOCK_RESET").orElseThrow().resetValue());
    }
}
