package io.halcyon.platform.emulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import io.halcyon.platform.emulation.model.ChipDescriptions;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.model.SysctrlBehaviour;

/** The system-control block modelled from its part of chip.rdl, with the soft-reset behaviour on top. */
public class SysctrlModelTest {

    private final EmulatedChip chip = EmulatedChip.reference();

    @Test
    public void elaboratesChipRdlOnce() {
        EmulatedChip.reference();
        long nanos = ChipDescriptions.chipElaborationNanos();
        System.out.printf("chip.rdl (all eight blocks) read and elaborated in %.1f ms (first use in this JVM)%n", nanos / 1e6);
        assertTrue(nanos > 0);
        assertTrue("elaboration must not slow the platform's start: " + nanos / 1_000_000 + " ms", nanos < 2_000_000_000L);
    }

    @Test
    public void resetCountSurvivesTheResetItCountsAndWraps() {
        for (int i = 1; i <= 257; i++) {
            chip.write32(0x10, 1, "test");
            chip.clock().advance(SysctrlBehaviour.RESET_NANOS);
            assertEquals(1 | (i & 0xFF) << 8, chip.read32(0x14, "test"));
        }
    }

    @Test
    public void aPulseDuringAResetIsIgnoredAndZeroIsNoPulse() {
        chip.write32(0x10, 0, "test");
        assertEquals(1, chip.read32(0x14, "test"));
        chip.write32(0x10, 1, "test");
        chip.clock().advance(SysctrlBehaviour.RESET_NANOS / 2);
        chip.write32(0x10, 1, "test");
        chip.clock().advance(SysctrlBehaviour.RESET_NANOS);
        assertEquals("one reset counted", 0x0101, chip.read32(0x14, "test"));
        assertEquals("SOFT_RESET reads 0", 0, chip.read32(0x10, "test"));
    }

    @Test
    public void identityRegistersAreReadOnlyButScratchIsNot() {
        chip.write32(0x08, 0, "test");
        assertEquals(0x43F, chip.read32(0x08, "test"));
        chip.write32(0x0C, 0xFEEDFACE, "test");
        assertEquals(0xFEEDFACE, chip.read32(0x0C, "test"));
    }
}
