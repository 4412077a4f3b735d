package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Temperatures and power follow the tensor engine's work; alarms latch over thresholds. */
public class TelemetryModelTest {

    private final ChipFixture f = new ChipFixture().ready();

    /** Keeps the engine busy for about {@code nanos} of device time with back-to-back ADDs. */
    private void work(long nanos) {
        work(f, nanos);
    }

    private static void work(ChipFixture f, long nanos) {
        f.bus.write32(CMD_OP, 2);
        f.bus.write32(CMD_DIMS, 256 << 16 | 256); // 1074 ns each
        long end = f.bus.deviceTimeNanos() + nanos;
        while (f.bus.deviceTimeNanos() < end) {
            f.bus.write32(SUBMIT, 1);
            f.bus.write32(SUBMIT, 1);
            f.bus.await(QUEUE_STATUS, 0x1F, 0, MS);
        }
    }

    @Test
    public void idleChipReadsAmbientAndIdlePower() {
        f.chip.clock().advance(5_000_000);
        assertEquals(2500, f.bus.read32(temp(0)));
        assertEquals(2500, f.bus.read32(temp(3)));
        assertEquals(35_000, f.bus.read32(POWER));
    }

    @Test
    public void temperaturesRiseWithWorkAndFallBackWhenIdle() {
        work(2_000_000);
        int hot = f.bus.read32(temp(0));
        int power = f.bus.read32(POWER);
        assertTrue("warmed up: " + hot, hot > 4500);
        assertTrue("the sensor on the engine is the hottest", hot > f.bus.read32(temp(3)));
        assertTrue("busy power: " + power, power > 150_000);
        f.chip.clock().advance(20_000_000);
        assertEquals("back to ambient", 2500, f.bus.read32(temp(0)));
        assertEquals(35_000, f.bus.read32(POWER));
    }

    @Test
    public void readingDoesNotChangeWhatLaterReadsReturn() {
        ChipFixture other = new ChipFixture().ready();
        work(f, 500_000);
        work(other, 500_000);
        // Same work on both chips; only this one is read while it cools.
        for (int i = 0; i < 50; i++) {
            f.bus.read32(temp(0));
            f.chip.clock().advance(10_000);
        }
        f.chip.clock().advanceTo(3_000_000);
        other.chip.clock().advanceTo(3_000_000);
        int cooling = other.bus.read32(temp(0));
        assertTrue("still warm: " + cooling, cooling > 2500);
        assertEquals(cooling, f.bus.read32(temp(0)));
    }

    @Test
    public void alarmsLatchOverThresholdAndRaiseTheInterrupt() {
        f.bus.write32(TEMP_THRESHOLD, 3000);
        f.bus.write32(POWER_THRESHOLD, 100_000);
        work(1_000_000);
        f.bus.read32(temp(0));
        assertEquals(3, f.bus.read32(ALARM));
        assertEquals(IRQ_TELEMETRY, f.bus.read32(PENDING) & IRQ_TELEMETRY);
        f.chip.clock().advance(50_000_000);
        f.bus.read32(temp(0));
        assertEquals("sticky", 3, f.bus.read32(ALARM));
        f.bus.write32(ALARM, 3);
        assertEquals("cleared and cool", 0, f.bus.read32(ALARM));
    }
}
