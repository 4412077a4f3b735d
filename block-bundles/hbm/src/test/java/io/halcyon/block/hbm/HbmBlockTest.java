package io.halcyon.block.hbm;

import io.halcyon.block.hbm.regs.HbmBlock;
import io.halcyon.block.hbm.regs.HbmConfig;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from hbm.rdl at the configured base. */
public class HbmBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheConfiguredBase() {
        HardwareBlock block = new HbmBlock(Configs.instance(HbmConfig.class, "hbm1", 0x12_0000));
        assertEquals("hbm1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals(List.of("CTRL@0x0", "STATUS@0x4", "SIZE@0x8", "ECC_CORRECTED@0x10", "ECC_UNCORRECTED@0x14"),
                block.registers().stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList());
    }
}
