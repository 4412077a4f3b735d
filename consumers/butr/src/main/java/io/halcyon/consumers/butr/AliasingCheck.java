package io.halcyon.consumers.butr;

import java.util.List;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.regmap.FieldInfo;

/**
 * A write to one register shows at its own address only: the writable bits of {@code written} are
 * flipped, and every other register of the block that holds its values (except declared aliases of
 * the same storage) must read as before. A failure names the written register and the field and bit
 * that leaked, and says where it showed.
 */
final class AliasingCheck extends Check {

    private final RegisterLayout written;
    private final long flippable;
    private final List<RegisterLayout> observed;

    /** @param observed the block's other registers to watch (aliases of {@code written} already left out) */
    AliasingCheck(RegisterLayout written, long flippable, List<RegisterLayout> observed) {
        super(Suite.ALIASING, written, "", -1);
        this.written = written;
        this.flippable = flippable;
        this.observed = observed;
    }

    @Override
    boolean disturbs() {
        return true; // it writes the register
    }

    @Override
    CheckResult run(RegisterAccess access) {
        long[] before = new long[observed.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = observed.get(i).read(access);
        }
        long original = written.read(access);
        written.write(access, written.compose(original, flippable, ~original));
        CheckResult result = null;
        for (int i = 0; i < before.length && result == null; i++) {
            RegisterLayout other = observed.get(i);
            long now = other.read(access);
            int bit = Bits.lowestDifference(before[i], now, other.stable);
            if (bit >= 0) {
                result = leak(other, bit, before[i], now);
            }
        }
        written.write(access, written.compose(original, flippable, original));
        return result != null ? result : passed(0);
    }

    private CheckResult leak(RegisterLayout other, int bit, long before, long now) {
        FieldInfo leakedInto = other.fieldAt(bit);
        FieldInfo from = written.fieldAt(bit);
        String where = other.block + "." + other.register.name() + (leakedInto == null ? "" : "." + leakedInto.name())
                + "[" + bit + "]";
        return new CheckResult(suite, block, register, from == null ? "" : from.name(), bit, address,
                before & other.stable, now & other.stable, io.halcyon.hal.api.butr.Outcome.FAILED,
                "writing " + register + " changed " + where + String.format(" at 0x%08x", other.address)
                        + ": expected " + Bits.hex(before & other.stable) + ", read " + Bits.hex(now & other.stable));
    }
}
