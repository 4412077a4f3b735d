package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;

import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.platform.emulation.model.ClkrstBehaviour;
import io.halcyon.platform.emulation.model.EmulatedChip;

/** PLL lock times, the never-lock fault, and per-block resets. */
public class ClockResetModelTest {

    private final ChipFixture f = new ChipFixture();

    @Test
    public void corePllLocksTwentyMicrosecondsAfterEnableAndAwaitSaysWhen() {
        f.bus.write32(CORE_PLL_CTRL, 0x0A01);
        long enabledAt = f.bus.deviceTimeNanos();
        f.bus.write32(CORE_PLL_CTRL, 0x0A01); // EN already 1: not a new lock
        f.chip.clock().advance(ClkrstBehaviour.CORE_LOCK_NANOS - 100);
        assertEquals("not yet locked", 0, f.bus.read32(CORE_PLL_STATUS));
        WaitResult r = met(f.bus.await(CORE_PLL_STATUS, 1, 1, MS));
        assertEquals(enabledAt + ClkrstBehaviour.CORE_LOCK_NANOS + EmulatedChip.ACCESS_NANOS, f.bus.deviceTimeNanos());
        assertTrue(r.deviceNanos() < 200);
        assertEquals("CLKRST pending", IRQ_CLKRST, f.bus.read32(PENDING));
    }

    @Test
    public void hbmPllTakesFiftyMicroseconds() {
        f.bus.write32(HBM_PLL_CTRL, 1);
        long start = f.bus.deviceTimeNanos();
        met(f.bus.await(HBM_PLL_STATUS, 1, 1, MS));
        long took = f.bus.deviceTimeNanos() - start;
        assertTrue("took " + took, took >= ClkrstBehaviour.HBM_LOCK_NANOS && took <= ClkrstBehaviour.HBM_LOCK_NANOS + 20);
    }

    @Test
    public void clearingEnableDropsLockAndAbandonsALockInProgress() {
        f.pllsLocked();
        f.bus.write32(CORE_PLL_CTRL, 0);
        assertEquals(0, f.bus.read32(CORE_PLL_STATUS));
        f.bus.write32(CORE_PLL_CTRL, 1);
        f.chip.clock().advance(ClkrstBehaviour.CORE_LOCK_NANOS / 2);
        f.bus.write32(CORE_PLL_CTRL, 0);
        f.bus.write32(CORE_PLL_CTRL, 1);
        f.chip.clock().advance(ClkrstBehaviour.CORE_LOCK_NANOS / 2 + 100);
        assertEquals("the first attempt was abandoned", 0, f.bus.read32(CORE_PLL_STATUS));
        met(f.bus.await(CORE_PLL_STATUS, 1, 1, MS));
    }

    @Test
    public void aPllWithTheNeverLocksFaultTimesOut() {
        f.chip.faults().pllNeverLocks(Pll.HBM);
        f.bus.write32(HBM_PLL_CTRL, 1);
        f.bus.write32(CORE_PLL_CTRL, 1);
        WaitResult r = f.bus.await(HBM_PLL_STATUS, 1, 1, Duration.ofMillis(2));
        assertFalse(r.met());
        assertEquals(0, r.lastValue());
        assertTrue(r.deviceNanos() >= 2_000_000);
        assertEquals("the other PLL is unaffected", 1, f.bus.read32(CORE_PLL_STATUS));
    }

    @Test
    public void everyBlockStartsInResetWithItsClockGated() {
        assertEquals(ALL_BLOCKS, f.bus.read32(BLOCK_RESET));
        assertEquals(0, f.bus.read32(CLOCK_EN));
    }

    @Test
    public void assertingABlocksResetPutsItsRegistersBack() {
        f.blocksRunning();
        f.bus.write32(TEMP_THRESHOLD, 5000);
        f.bus.write32(DMA_CTRL, 1);
        f.bus.write32(BLOCK_RESET, DMA_BIT);
        assertEquals("DMA reset", 0, f.bus.read32(DMA_CTRL));
        assertEquals("telemetry untouched", 5000, f.bus.read32(TEMP_THRESHOLD));
        f.bus.write32(BLOCK_RESET, DMA_BIT);
        f.bus.write32(DMA_CTRL, 1);
        f.bus.write32(BLOCK_RESET, DMA_BIT);
        assertEquals("held, not asserted again: no new reset", 1, f.bus.read32(DMA_CTRL));
    }

    @Test
    public void softResetResetsEveryBlock() {
        f.ready();
        f.bus.write32(0x10, 1);
        met(f.bus.await(0x14, 1, 1, MS));
        assertEquals(ALL_BLOCKS, f.bus.read32(BLOCK_RESET));
        assertEquals(0, f.bus.read32(CORE_PLL_STATUS));
        assertEquals(0, f.bus.read32(HBM_STATUS));
        assertEquals(0, f.bus.read32(DMA_CTRL));
        assertEquals(0, f.bus.read32(PENDING));
    }
}
