package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.regmap.MemoryInfo;

/**
 * Every entry of a memory holds a pattern unique to it (a walking one mixed with the entry's index, so
 * stuck bits, swapped bits and address aliasing all show) and then its complement; the memory's
 * contents are put back afterwards.
 */
final class MemoryWalkCheck extends Check {

    private final MemoryInfo memory;
    private final long base;
    private final int stride;
    private final long ones;

    MemoryWalkCheck(String block, long blockBase, MemoryInfo memory) {
        super(Suite.MEMORY_WALK, block, memory.name(), "", -1, blockBase + memory.offset());
        this.memory = memory;
        this.base = blockBase + memory.offset();
        this.stride = memory.width() / 8;
        this.ones = Bits.ones(memory.width());
    }

    @Override
    boolean disturbs() {
        return true; // it writes the register
    }

    @Override
    CheckResult run(RegisterAccess access) {
        int n = (int) memory.entries();
        long[] saved = new long[n];
        for (int i = 0; i < n; i++) {
            saved[i] = access.read(entry(i), memory.width());
        }
        CheckResult result = pass(access, n, false);
        if (result == null) {
            result = pass(access, n, true);
        }
        for (int i = 0; i < n; i++) {
            access.write(entry(i), memory.width(), saved[i]);
        }
        return result != null ? result : passed(0);
    }

    private CheckResult pass(RegisterAccess access, int n, boolean complement) {
        for (int i = 0; i < n; i++) {
            access.write(entry(i), memory.width(), pattern(i, complement));
        }
        for (int i = 0; i < n; i++) {
            long actual = access.read(entry(i), memory.width());
            long expected = pattern(i, complement);
            int bit = Bits.lowestDifference(expected, actual, ones);
            if (bit >= 0) {
                return new CheckResult(suite, block, memory.name() + "[" + i + "]", "", bit, entry(i), expected, actual,
                        Outcome.FAILED, (complement ? "complement pattern" : "walking pattern") + ": expected "
                                + Bits.hex(expected) + ", read " + Bits.hex(actual) + " (bit " + bit + ")");
            }
        }
        return null;
    }

    private long entry(int i) {
        return base + (long) i * stride;
    }

    private long pattern(int i, boolean complement) {
        long walking = 1L << (i % memory.width());
        long p = (walking ^ (i * 0x9E37_79B9_7F4A_7C15L)) & ones;
        return complement ? ~p & ones : p;
    }
}
