package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.regmap.FieldInfo;

/** A write-only field reads 0; in full mode also right after all ones were written to it. */
final class WriteOnlyCheck extends Check {

    private final RegisterLayout layout;
    private final FieldInfo f;
    private final boolean write;

    WriteOnlyCheck(RegisterLayout layout, FieldInfo f, boolean write) {
        super(Suite.ACCESS, layout, f.name(), -1);
        this.layout = layout;
        this.f = f;
        this.write = write;
    }

    @Override
    boolean disturbs() {
        return write;
    }

    @Override
    CheckResult run(RegisterAccess access) {
        if (write) {
            long before = layout.read(access);
            layout.write(access, layout.compose(before, f.mask(), -1L));
        }
        return compare(0, layout.read(access), f.mask(), write ? "write-only field after writing ones" : "write-only field");
    }
}
