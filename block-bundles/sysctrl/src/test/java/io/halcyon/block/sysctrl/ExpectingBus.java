package io.halcyon.block.sysctrl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;

/**
 * A mock bus for driver unit tests that expects an exact sequence of accesses, each named by
 * register, and fails on anything else (after OpenTitan's EXPECT_READ32 / EXPECT_WRITE32).
 */
final class ExpectingBus implements RegisterBus {

    private record Expected(String op, long address, long value, int mask) {}

    private final Deque<Expected> expected = new ArrayDeque<>();

    ExpectingBus expectRead32(long address, int value) {
        expected.add(new Expected("read32", address, value, 0));
        return this;
    }

    ExpectingBus expectWrite32(long address, int value) {
        expected.add(new Expected("write32", address, value, 0));
        return this;
    }

    /** Expects an await on {@code address} for {@code mask} and answers with {@code value} having been seen. */
    ExpectingBus expectAwait(long address, int mask, int valueSeen) {
        expected.add(new Expected("await", address, valueSeen, mask));
        return this;
    }

    void verifyDone() {
        assertTrue("expected accesses not made: " + expected, expected.isEmpty());
    }

    private Expected next(String op, long address) {
        Expected e = expected.poll();
        if (e == null) {
            throw new AssertionError(String.format("unexpected %s at 0x%x: no more accesses expected", op, address));
        }
        assertEquals("operation", e.op + "@0x" + Long.toHexString(e.address), op + "@0x" + Long.toHexString(address));
        return e;
    }

    @Override
    public int read32(long address) {
        return (int) next("read32", address).value;
    }

    @Override
    public void write32(long address, int value) {
        Expected e = next("write32", address);
        assertEquals(String.format("value written at 0x%x", address), (int) e.value, value);
    }

    @Override
    public int[] read32(long[] addresses) {
        int[] values = new int[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            values[i] = read32(addresses[i]);
        }
        return values;
    }

    @Override
    public WaitResult await(long address, int mask, int expectedValue, Duration bound) {
        Expected e = next("await", address);
        assertEquals("await mask", e.mask, mask);
        return new WaitResult(address, ((int) e.value & mask) == expectedValue, (int) e.value, bound.toNanos());
    }

    @Override
    public long read64(long address) {
        throw new AssertionError("unexpected read64");
    }

    @Override
    public void write64(long address, long value) {
        throw new AssertionError("unexpected write64");
    }

    @Override
    public void post32(long address, int value) {
        throw new AssertionError("unexpected post32");
    }

    @Override
    public void post64(long address, long value) {
        throw new AssertionError("unexpected post64");
    }

    @Override
    public void flush() {}

    @Override
    public long[] read64(long[] addresses) {
        throw new AssertionError("unexpected read64 batch");
    }

    @Override
    public long deviceTimeNanos() {
        return 0;
    }
}
