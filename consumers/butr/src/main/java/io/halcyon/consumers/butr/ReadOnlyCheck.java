package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.regmap.FieldInfo;

/** A read-only field ignores a write of its complement, and the write changes nothing else. */
final class ReadOnlyCheck extends Check {

    private final RegisterLayout layout;
    private final FieldInfo f;

    ReadOnlyCheck(RegisterLayout layout, FieldInfo f) {
        super(Suite.ACCESS, layout, f.name(), -1);
        this.layout = layout;
        this.f = f;
    }

    @Override
    boolean disturbs() {
        return true; // it writes the register
    }

    @Override
    CheckResult run(RegisterAccess access) {
        long before = layout.read(access);
        layout.write(access, layout.compose(before, f.mask(), ~before));
        return compare(before, layout.read(access), f.mask() | layout.stable, "read-only field after writing its complement");
    }
}
