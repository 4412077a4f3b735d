package io.halcyon.benchmarks;

import java.time.Duration;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;

/** An array of 32-bit words as a bus: both sides of the benchmark pay exactly the same per access. */
final class MemoryBus implements RegisterBus {

    private final int[] words = new int[256];

    @Override
    public int read32(long address) {
        return words[(int) (address >>> 2) & 0xff];
    }

    @Override
    public void write32(long address, int value) {
        words[(int) (address >>> 2) & 0xff] = value;
    }

    @Override
    public long read64(long address) {
        return Integer.toUnsignedLong(read32(address)) | (long) read32(address + 4) << 32;
    }

    @Override
    public void write64(long address, long value) {
        write32(address, (int) value);
        write32(address + 4, (int) (value >>> 32));
    }

    @Override
    public void post32(long address, int value) {
        write32(address, value);
    }

    @Override
    public void post64(long address, long value) {
        write64(address, value);
    }

    @Override
    public void flush() {
    }

    @Override
    public WaitResult await(long address, int mask, int expected, Duration bound) {
        int v = read32(address);
        return new WaitResult(address, (v & mask) == expected, v, 0);
    }

    @Override
    public long deviceTimeNanos() {
        return 0;
    }
}
