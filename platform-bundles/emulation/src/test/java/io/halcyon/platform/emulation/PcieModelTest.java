package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

import io.halcyon.platform.emulation.model.PcieBehaviour;

/** Link training through the LTSSM, and what it needs from clock and reset. */
public class PcieModelTest {

    private static final int L0_X16_GEN4 = 3 | 1 << 8 | 4 << 9 | 16 << 12;

    private final ChipFixture f = new ChipFixture();

    @Test
    public void trainingWalksTheLtssmInDeviceTime() {
        f.blocksRunning();
        f.bus.write32(LINK_CTRL, 4 << 1 | 1);
        long start = f.bus.deviceTimeNanos();
        assertEquals("DETECT", 0, f.bus.read32(LINK_STATUS));
        f.chip.clock().advanceTo(start + PcieBehaviour.DETECT_NANOS);
        assertEquals("POLLING", 1, f.bus.read32(LINK_STATUS));
        f.chip.clock().advanceTo(start + PcieBehaviour.DETECT_NANOS + PcieBehaviour.POLLING_NANOS);
        assertEquals("CONFIG", 2, f.bus.read32(LINK_STATUS));
        met(f.bus.await(LINK_STATUS, 0x100, 0x100, MS));
        assertEquals(start + 60_000 + 10, f.bus.deviceTimeNanos());
        assertEquals(L0_X16_GEN4, f.bus.read32(LINK_STATUS));
        assertEquals("TRAIN is a pulse", 4 << 1, f.bus.read32(LINK_CTRL));
    }

    @Test
    public void speedIsTheLowerOfTargetAndPartner() {
        f.blocksRunning();
        f.bus.write32(LINK_CTRL, 5 << 1 | 1);
        met(f.bus.await(LINK_STATUS, 0x100, 0x100, MS));
        assertEquals(4, f.bus.read32(LINK_STATUS) >>> 9 & 7);
        f.bus.write32(LINK_CTRL, 2 << 1 | 1);
        assertEquals("retraining drops the link and logs it", 0x4, f.bus.read32(PCIE_ERR_STATUS));
        met(f.bus.await(LINK_STATUS, 0x100, 0x100, MS));
        assertEquals(2, f.bus.read32(LINK_STATUS) >>> 9 & 7);
    }

    @Test
    public void nothingHappensInResetOrWithoutClock() {
        f.bus.write32(LINK_CTRL, 1);
        assertEquals(false, f.bus.await(LINK_STATUS, 0x100, 0x100, MS).met());
        f.bus.write32(BLOCK_RESET, 0);
        f.bus.write32(LINK_CTRL, 1);
        assertEquals("clock still gated", false, f.bus.await(LINK_STATUS, 0x100, 0x100, MS).met());
        f.bus.write32(CLOCK_EN, PCIE_BIT);
        f.bus.write32(LINK_CTRL, 1);
        met(f.bus.await(LINK_STATUS, 0x100, 0x100, MS));
    }
}
