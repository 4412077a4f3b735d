package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.regmap.FieldInfo;

/** A field reads its reset value (or, in non-destructive mode, the constant it always holds). */
final class ResetCheck extends Check {

    private final RegisterLayout layout;
    private final FieldInfo f;

    ResetCheck(RegisterLayout layout, FieldInfo f) {
        super(Suite.RESET, layout, f.name(), -1);
        this.layout = layout;
        this.f = f;
    }

    @Override
    boolean disturbs() {
        return false; // one plain read
    }

    @Override
    CheckResult run(RegisterAccess access) {
        long expected = f.reset().getAsLong() << f.lsb();
        return compare(expected, layout.read(access), f.mask(), "reset value");
    }
}
