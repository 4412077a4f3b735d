package io.halcyon.block.otp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.halcyon.block.otp.regs.OtpBlock;
import io.halcyon.block.otp.regs.OtpConfig;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.WriteEffect;

/** The HardwareBlock service publishes the map generated from otp.rdl for the configured instance. */
public class OtpBlockTest {

    private final HardwareBlock block = new OtpBlock(Configs.instance(OtpConfig.class, "otp", 0x8_0000));

    @Test
    public void publishesEveryFuseWordAndTheLock() {
        assertEquals("otp", block.name());
        assertEquals(0x8_0000, block.baseAddress());
        assertEquals(List.of("SERIAL_LO", "SERIAL_HI", "SKU", "HBM_REPAIR[0]", "HBM_REPAIR[1]", "HBM_REPAIR[2]",
                "HBM_REPAIR[3]", "CTRL"), block.registers().stream().map(r -> r.name()).toList());
    }

    @Test
    public void fuseWordsAreLoadedByHardwareAndOnlyTheLockIsWritable() {
        // hw = w: the fuse contents differ per chip, so register tests must not compare them with the
        // description's values (those of an unfused part).
        for (var r : block.registers()) {
            for (FieldInfo f : r.fields()) {
                boolean lock = r.name().equals("CTRL");
                assertEquals(r.name() + "." + f.name(), lock, f.software().writable());
                assertTrue(r.name() + "." + f.name(), lock || f.hardwareUpdated());
            }
        }
        assertEquals(WriteEffect.WOSET, block.register("CTRL").orElseThrow().field("LOCK").orElseThrow().onWrite());
    }
}
