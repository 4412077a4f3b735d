package io.halcyon.platform.chipmodel.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;

/** A bus over a few words that records every read; nothing else decodes, and nothing but read32 is expected. */
class ProbeBus implements RegisterBus {

    private final Map<Long, Integer> words = new HashMap<>();
    final List<Long> reads = new ArrayList<>();

    ProbeBus word(long address, int value) {
        words.put(address, value);
        return this;
    }

    @Override
    public int read32(long address) {
        reads.add(address);
        Integer v = words.get(address);
        if (v == null) {
            throw new DecodeErrorException(address, "read32");
        }
        return v;
    }

    @Override
    public long read64(long address) {
        throw new AssertionError("identification reads 32-bit words only");
    }

    @Override
    public void write32(long address, int value) {
        throw new AssertionError("identification writes nothing");
    }

    @Override
    public void write64(long address, long value) {
        throw new AssertionError("identification writes nothing");
    }

    @Override
    public void post32(long address, int value) {
        throw new AssertionError("identification writes nothing");
    }

    @Override
    public void post64(long address, long value) {
        throw new AssertionError("identification writes nothing");
    }

    @Override
    public void flush() {
    }

    @Override
    public int[] read32(long[] addresses) {
        throw new AssertionError("not expected");
    }

    @Override
    public long[] read64(long[] addresses) {
        throw new AssertionError("not expected");
    }

    @Override
    public WaitResult await(long address, int mask, int expected, Duration bound) {
        throw new AssertionError("not expected");
    }

    @Override
    public long deviceTimeNanos() {
        return 0;
    }
}
