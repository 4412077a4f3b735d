package io.halcyon.platform.emulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.model.SysctrlBehaviour;

/** The system-control block modelled from its description in the chip map, with the soft-reset behaviour on top. */
public class SysctrlModelTest {

    private final EmulatedChip chip = ChipFixture.reference();

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
