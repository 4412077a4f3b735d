package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.WriteEffect;

/**
 * A field's write or read side effect does what the description says. Status bits are usually set by
 * hardware, so an idempotent effect (clear, set, pulse) that does not show is tried once more before it
 * counts as failed: hardware that set the bit again in between cannot set it twice in a row on an idle
 * chip, while a bit that really stores what is written (a W1C bit that behaves as RW) fails both times.
 */
final class SideEffectCheck extends Check {

    /** Which effect this check exercises. */
    enum Effect {
        WRITE, SINGLE_PULSE, READ;

        static boolean applies(Effect e, FieldInfo f) {
            return switch (e) {
                case WRITE -> f.onWrite() != WriteEffect.NONE && f.onWrite() != WriteEffect.WUSER;
                case SINGLE_PULSE -> f.singlePulse();
                case READ -> f.onRead() == ReadEffect.CLEAR || f.onRead() == ReadEffect.SET;
            };
        }
    }

    private final RegisterLayout layout;
    private final FieldInfo f;
    private final Effect effect;
    private final long ones;

    SideEffectCheck(RegisterLayout layout, FieldInfo f, Effect effect) {
        super(Suite.SIDE_EFFECTS, layout, f.name(), -1);
        this.layout = layout;
        this.f = f;
        this.effect = effect;
        this.ones = f.mask();
    }

    @Override
    boolean disturbs() {
        return true; // it writes the register, or reads one whose read clears or sets bits
    }

    @Override
    CheckResult run(RegisterAccess access) {
        return switch (effect) {
            case SINGLE_PULSE -> afterWrite(access, ones, 0, "single pulse after writing 1");
            case READ -> afterRead(access);
            case WRITE -> switch (f.onWrite()) {
                case WOCLR -> afterWrite(access, ones, 0, "woclr after writing 1");
                case WOSET -> afterWrite(access, ones, ones, "woset after writing 1");
                case WZC -> afterWrite(access, 0, 0, "wzc after writing 0");
                case WZS -> afterWrite(access, 0, ones, "wzs after writing 0");
                case WCLR -> afterWrite(access, ones, 0, "wclr after writing 1");
                case WSET -> afterWrite(access, 0, ones, "wset after writing 0");
                case WOT -> toggles(access, ones, "wot");
                case WZT -> toggles(access, 0, "wzt");
                default -> throw new IllegalStateException("no check for " + f.onWrite());
            };
        };
    }

    private CheckResult afterWrite(RegisterAccess access, long written, long expected, String what) {
        CheckResult result = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            long before = layout.read(access);
            layout.write(access, layout.compose(before, f.mask(), written));
            result = compare(expected, layout.read(access), f.mask(), what);
            if (result.outcome() == Outcome.PASSED) {
                return result;
            }
        }
        return result;
    }

    private CheckResult toggles(RegisterAccess access, long written, String what) {
        long before = layout.read(access);
        layout.write(access, layout.compose(before, f.mask(), written));
        CheckResult once = compare(~before, layout.read(access), f.mask(), what + " after one toggling write");
        layout.write(access, layout.compose(before ^ f.mask(), f.mask(), written));
        CheckResult twice = compare(before, layout.read(access), f.mask(), what + " after two toggling writes");
        return once.outcome() == Outcome.FAILED ? once : twice;
    }

    private CheckResult afterRead(RegisterAccess access) {
        long expected = f.onRead() == ReadEffect.CLEAR ? 0 : ones;
        String what = f.onRead() == ReadEffect.CLEAR ? "rclr on the second read" : "rset on the second read";
        if (f.software() == Access.RW && f.onWrite() == WriteEffect.NONE && !f.hardwareUpdated()) {
            // Software can give it the opposite value first, so the read has something to change.
            layout.write(access, layout.compose(0, f.mask(), ~expected));
        }
        CheckResult result = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            layout.read(access);
            result = compare(expected, layout.read(access), f.mask(), what);
            if (result.outcome() == Outcome.PASSED) {
                return result;
            }
        }
        return result;
    }
}
