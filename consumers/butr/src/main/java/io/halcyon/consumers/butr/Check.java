package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.Suite;

/**
 * One check: a few accesses and a comparison. It names what it is about (block, register, field, bit)
 * before it runs, so a bus error can be reported at the same place.
 */
abstract class Check {

    final Suite suite;
    final String block;
    final String register;
    final String field;
    final int bit;
    final long address;

    Check(Suite suite, String block, String register, String field, int bit, long address) {
        this.suite = suite;
        this.block = block;
        this.register = register;
        this.field = field;
        this.bit = bit;
        this.address = address;
    }

    Check(Suite suite, RegisterLayout layout, String field, int bit) {
        this(suite, layout.block, layout.register.name(), field, bit, layout.address);
    }

    abstract CheckResult run(RegisterAccess access);

    /**
     * Whether running it changes the chip: it writes a register, or reads one whose read has a side
     * effect. Non-destructive mode reports such checks as skipped instead of running them.
     */
    abstract boolean disturbs();

    final CheckResult passed(long expected) {
        return new CheckResult(suite, block, register, field, bit, address, expected, expected, Outcome.PASSED, "");
    }

    final CheckResult failed(int atBit, long expected, long actual, String reason) {
        return new CheckResult(suite, block, register, field, atBit, address, expected, actual, Outcome.FAILED, reason);
    }

    /** Passed when {@code actual} equals {@code expected} within {@code mask}; else failed at the lowest differing bit. */
    final CheckResult compare(long expected, long actual, long mask, String what) {
        int diff = Bits.lowestDifference(expected, actual, mask);
        if (diff < 0) {
            return passed(expected & mask);
        }
        return failed(diff, expected & mask, actual & mask, what + ": expected " + Bits.hex(expected & mask) + ", read "
                + Bits.hex(actual & mask) + " (bit " + diff + ")");
    }

    /** A result for this check that says the bus failed. */
    final CheckResult busError(RuntimeException e) {
        return new CheckResult(suite, block, register, field, bit, address, 0, 0, Outcome.FAILED,
                "bus error: " + e.getMessage());
    }

    final CheckResult skipped(String reason) {
        return new CheckResult(suite, block, register, field, bit, address, 0, 0, Outcome.SKIPPED, reason);
    }
}
