package io.halcyon.rdl.generator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;

/**
 * An in-memory bus that logs every access as text ({@code R32 0x8}, {@code W32 0x0=0x5}), so tests
 * can pin the exact accesses generated code makes. Memory never acts on writes: the log is the truth.
 */
final class RecordingBus implements RegisterBus {

    final Map<Long, Long> memory = new HashMap<>();
    final List<String> log = new ArrayList<>();

    RecordingBus set(long address, long value) {
        memory.put(address, value);
        return this;
    }

    @Override
    public int read32(long address) {
        log.add("R32 0x" + Long.toHexString(address));
        return (int) (long) memory.getOrDefault(address, 0L);
    }

    @Override
    public long read64(long address) {
        log.add("R64 0x" + Long.toHexString(address));
        return memory.getOrDefault(address, 0L);
    }

    @Override
    public void write32(long address, int value) {
        log.add("W32 0x" + Long.toHexString(address) + "=0x" + Integer.toHexString(value));
        memory.put(address, Integer.toUnsignedLong(value));
    }

    @Override
    public void write64(long address, long value) {
        log.add("W64 0x" + Long.toHexString(address) + "=0x" + Long.toHexString(value));
        memory.put(address, value);
    }

    @Override
    public void post32(long address, int value) {
        log.add("P32 0x" + Long.toHexString(address) + "=0x" + Integer.toHexString(value));
        memory.put(address, Integer.toUnsignedLong(value));
    }

    @Override
    public void post64(long address, long value) {
        log.add("P64 0x" + Long.toHexString(address) + "=0x" + Long.toHexString(value));
        memory.put(address, value);
    }

    @Override
    public void flush() {
        log.add("F");
    }

    @Override
    public int[] read32(long[] addresses) {
        log.add("B32 " + hex(addresses));
        int[] out = new int[addresses.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) (long) memory.getOrDefault(addresses[i], 0L);
        }
        return out;
    }

    @Override
    public long[] read64(long[] addresses) {
        log.add("B64 " + hex(addresses));
        long[] out = new long[addresses.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = memory.getOrDefault(addresses[i], 0L);
        }
        return out;
    }

    private static String hex(long[] addresses) {
        List<String> all = new ArrayList<>();
        for (long a : addresses) {
            all.add("0x" + Long.toHexString(a));
        }
        return all.toString();
    }

    /** One check of the condition against memory: met or not, no time passes. */
    @Override
    public WaitResult await(long address, int mask, int expected, Duration bound) {
        log.add("A32 0x" + Long.toHexString(address) + " & 0x" + Integer.toHexString(mask) + " == 0x"
                + Integer.toHexString(expected));
        int v = (int) (long) memory.getOrDefault(address, 0L);
        return new WaitResult(address, (v & mask) == expected, v, 0);
    }

    @Override
    public WaitResult awaitNot(long address, int mask, int value, Duration bound) {
        log.add("A32 0x" + Long.toHexString(address) + " & 0x" + Integer.toHexString(mask) + " != 0x"
                + Integer.toHexString(value));
        int v = (int) (long) memory.getOrDefault(address, 0L);
        return new WaitResult(address, (v & mask) != value, v, 0);
    }

    @Override
    public long deviceTimeNanos() {
        return 0;
    }
}
