package io.halcyon.block.testsupport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.regmap.RegisterInfo;

/**
 * A mock bus for driver unit tests that expects an exact sequence of accesses and fails on anything
 * else (after OpenTitan's EXPECT_READ32 / EXPECT_WRITE32). Tests name every expected address by the
 * generated register constants ({@code BASE + ChTailRegister.OFFSET + ch * ChTailRegister.STRIDE});
 * given the block's generated map, failures name the registers too.
 *
 * <p>A batched read is one expectation, so a test tells a batch from the same reads one by one. An
 * await answers with the value the test says the hardware showed; it is met when that value meets the
 * driver's condition, and then reports no device time spent, otherwise the whole bound.
 */
public final class ExpectingBus implements RegisterBus {

    private enum Op { READ32, READ64, WRITE32, WRITE64, POST32, POST64, FLUSH, BATCH_READ32, BATCH_READ64, AWAIT }

    /** For an await, {@code values} holds the value seen and {@code mask}/{@code expected} the condition. */
    private record Expected(Op op, long[] addresses, long[] values, int mask, int expected, Duration bound) {}

    private final Deque<Expected> expected = new ArrayDeque<>();
    private final long base;
    private final List<RegisterInfo> registers;
    private long deviceTime;

    /** A bus whose failure messages show bare addresses. */
    public ExpectingBus() {
        this(0, List.of());
    }

    /** A bus whose failure messages name the registers of a block at {@code base} (its generated map). */
    public ExpectingBus(long base, List<RegisterInfo> registers) {
        this.base = base;
        this.registers = List.copyOf(registers);
    }

    public ExpectingBus expectRead32(long address, int value) {
        return expect(Op.READ32, address, Integer.toUnsignedLong(value));
    }

    public ExpectingBus expectRead64(long address, long value) {
        return expect(Op.READ64, address, value);
    }

    public ExpectingBus expectWrite32(long address, int value) {
        return expect(Op.WRITE32, address, Integer.toUnsignedLong(value));
    }

    public ExpectingBus expectWrite64(long address, long value) {
        return expect(Op.WRITE64, address, value);
    }

    public ExpectingBus expectPost32(long address, int value) {
        return expect(Op.POST32, address, Integer.toUnsignedLong(value));
    }

    public ExpectingBus expectPost64(long address, long value) {
        return expect(Op.POST64, address, value);
    }

    public ExpectingBus expectFlush() {
        expected.add(new Expected(Op.FLUSH, new long[0], new long[0], 0, 0, null));
        return this;
    }

    /** One pipelined batch of 32-bit reads of exactly these addresses, in this order, answering these values. */
    public ExpectingBus expectBatchRead32(long[] addresses, int... values) {
        assertEquals("test bug: one value per address", addresses.length, values.length);
        expected.add(new Expected(Op.BATCH_READ32, addresses.clone(),
                Arrays.stream(values).mapToLong(Integer::toUnsignedLong).toArray(), 0, 0, null));
        return this;
    }

    /** One pipelined batch of 64-bit reads; see {@link #expectBatchRead32}. */
    public ExpectingBus expectBatchRead64(long[] addresses, long... values) {
        assertEquals("test bug: one value per address", addresses.length, values.length);
        expected.add(new Expected(Op.BATCH_READ64, addresses.clone(), values.clone(), 0, 0, null));
        return this;
    }

    /**
     * Expects an await of {@code (value & mask) == expectedValue} on {@code address}, with any bound,
     * and answers with {@code valueSeen} having been seen.
     */
    public ExpectingBus expectAwait(long address, int mask, int expectedValue, int valueSeen) {
        return expectAwait(address, mask, expectedValue, valueSeen, null);
    }

    /** As {@link #expectAwait(long, int, int, int)}, and the driver must pass exactly this bound. */
    public ExpectingBus expectAwait(long address, int mask, int expectedValue, int valueSeen, Duration bound) {
        expected.add(new Expected(Op.AWAIT, new long[] {address}, new long[] {Integer.toUnsignedLong(valueSeen)}, mask,
                expectedValue, bound));
        return this;
    }

    /** Fails if any expected access was not made. */
    public void verifyDone() {
        assertTrue("expected accesses not made: " + expected.stream().map(this::describe).toList(), expected.isEmpty());
    }

    private ExpectingBus expect(Op op, long address, long value) {
        expected.add(new Expected(op, new long[] {address}, new long[] {value}, 0, 0, null));
        return this;
    }

    private Expected next(Op op, long... addresses) {
        Expected e = expected.poll();
        String actual = op + " " + names(addresses);
        if (e == null) {
            throw new AssertionError("unexpected " + actual + ": no more accesses expected");
        }
        assertEquals("access", e.op + " " + names(e.addresses), actual);
        return e;
    }

    private String describe(Expected e) {
        return e.op + " " + names(e.addresses) + (e.values.length == 0 ? "" : "=" + hex(e.values));
    }

    private String names(long[] addresses) {
        return Arrays.stream(addresses).mapToObj(this::name).collect(Collectors.joining(",", "[", "]"));
    }

    private String name(long address) {
        String hex = "0x" + Long.toHexString(address);
        return registers.stream().filter(r -> base + r.offset() == address).findFirst()
                .map(r -> r.name() + "@" + hex).orElse(hex);
    }

    private static String hex(long[] values) {
        return Arrays.stream(values).mapToObj(v -> "0x" + Long.toHexString(v)).collect(Collectors.joining(",", "[", "]"));
    }

    private void written(Op op, long address, long value) {
        Expected e = next(op, address);
        assertEquals("value of " + op + " " + name(address), "0x" + Long.toHexString(e.values[0]),
                "0x" + Long.toHexString(value));
    }

    @Override
    public int read32(long address) {
        return (int) next(Op.READ32, address).values[0];
    }

    @Override
    public long read64(long address) {
        return next(Op.READ64, address).values[0];
    }

    @Override
    public void write32(long address, int value) {
        written(Op.WRITE32, address, Integer.toUnsignedLong(value));
    }

    @Override
    public void write64(long address, long value) {
        written(Op.WRITE64, address, value);
    }

    @Override
    public void post32(long address, int value) {
        written(Op.POST32, address, Integer.toUnsignedLong(value));
    }

    @Override
    public void post64(long address, long value) {
        written(Op.POST64, address, value);
    }

    @Override
    public void flush() {
        next(Op.FLUSH);
    }

    @Override
    public int[] read32(long[] addresses) {
        return Arrays.stream(next(Op.BATCH_READ32, addresses).values).mapToInt(v -> (int) v).toArray();
    }

    @Override
    public long[] read64(long[] addresses) {
        return next(Op.BATCH_READ64, addresses).values.clone();
    }

    @Override
    public WaitResult await(long address, int mask, int expectedValue, Duration bound) {
        Expected e = next(Op.AWAIT, address);
        assertEquals("await on " + name(address) + ": (value & mask) == expected",
                String.format("mask 0x%x expected 0x%x", e.mask, e.expected),
                String.format("mask 0x%x expected 0x%x", mask, expectedValue));
        if (e.bound != null) {
            assertEquals("await bound on " + name(address), e.bound, bound);
        }
        int seen = (int) e.values[0];
        boolean met = (seen & mask) == expectedValue;
        long spent = met ? 0 : bound.toNanos();
        deviceTime += spent;
        return new WaitResult(address, met, seen, spent);
    }

    /** Advances only by the bounds of awaits that were not met. */
    @Override
    public long deviceTimeNanos() {
        return deviceTime;
    }
}
