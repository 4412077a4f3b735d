package io.halcyon.block.hbm;

import io.halcyon.block.hbm.regs.HbmConfig;
import io.halcyon.block.hbm.regs.HbmBlock;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from hbm.rdl at the configured base. */
public class HbmBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheChipBase() {
        HardwareBlock block = new HbmBlock(Configs.of(HbmConfig.class, Map.of()));
        assertEquals("hbm", block.name());
        assertEquals(0x3_0000, block.baseAddress());
        assertEquals(List.of("CTRL@0x0", "STATUS@0x4", "SIZE@0x8", "ECC_CORRECTED@0x10", "ECC_UNCORRECTED@0x14"),
                block.registers().stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList());
    }
}
