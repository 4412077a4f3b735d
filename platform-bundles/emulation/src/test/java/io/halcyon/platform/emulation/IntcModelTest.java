package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** PENDING latches block events until acknowledged; ACTIVE follows PENDING & ENABLE. */
public class IntcModelTest {

    private final ChipFixture f = new ChipFixture();

    @Test
    public void activeFollowsPendingAndEnable() {
        f.bus.write32(ENABLE, IRQ_HBM);
        f.blocksRunning().pllsLocked();
        assertEquals("both PLLs locked", IRQ_CLKRST, f.bus.read32(PENDING));
        assertEquals("CLKRST not enabled", 0, f.bus.read32(ACTIVE));
        f.bus.write32(ENABLE, IRQ_HBM | IRQ_CLKRST);
        assertEquals(IRQ_CLKRST, f.bus.read32(ACTIVE));
        f.hbmTrained();
        assertEquals(IRQ_HBM | IRQ_CLKRST, f.bus.read32(ACTIVE));
        f.bus.write32(PENDING, IRQ_CLKRST);
        assertEquals("acknowledged", IRQ_HBM, f.bus.read32(PENDING));
        assertEquals(IRQ_HBM, f.bus.read32(ACTIVE));
        f.bus.write32(ENABLE, 0);
        assertEquals(0, f.bus.read32(ACTIVE));
        assertEquals("still pending", IRQ_HBM, f.bus.read32(PENDING));
    }

    @Test
    public void softwareCannotSetPending() {
        f.bus.write32(PENDING, 0);
        f.bus.write32(ACTIVE, -1);
        assertEquals(0, f.bus.read32(PENDING));
        assertEquals(0, f.bus.read32(ACTIVE));
    }
}
