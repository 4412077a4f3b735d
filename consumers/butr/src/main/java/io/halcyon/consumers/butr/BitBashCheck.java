package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.regmap.FieldInfo;

/**
 * One software-writable bit flipped alone and flipped back: after each write the register reads what
 * was written in every bit that holds its value, so the bit moves and nothing else does.
 */
final class BitBashCheck extends Check {

    private final RegisterLayout layout;
    private final long bitMask;

    BitBashCheck(RegisterLayout layout, FieldInfo f, int bit) {
        super(Suite.BIT_BASH, layout, f.name(), bit);
        this.layout = layout;
        this.bitMask = 1L << bit;
    }

    @Override
    boolean disturbs() {
        return true; // it writes the register
    }

    @Override
    CheckResult run(RegisterAccess access) {
        long before = layout.read(access);
        long flipped = before ^ bitMask;
        layout.write(access, layout.compose(before, bitMask, flipped));
        CheckResult first = compare(flipped, layout.read(access), layout.stable,
                "after writing bit " + bit + " = " + (flipped >>> bit & 1));
        layout.write(access, layout.compose(before, bitMask, before));
        CheckResult second = compare(before, layout.read(access), layout.stable,
                "after writing bit " + bit + " back to " + (before >>> bit & 1));
        return first.outcome() == Outcome.FAILED ? first : second;
    }
}
