package io.halcyon.consumers.butr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Suite;

/** Bits no field covers read 0; in full mode also after ones were written to them, which changes nothing else. */
final class ReservedBitsCheck extends Check {

    private final RegisterLayout layout;
    private final boolean write;

    ReservedBitsCheck(RegisterLayout layout, boolean write) {
        super(Suite.ACCESS, layout, "", -1);
        this.layout = layout;
        this.write = write;
    }

    @Override
    boolean disturbs() {
        return write;
    }

    @Override
    CheckResult run(RegisterAccess access) {
        if (!write) {
            return compare(0, layout.read(access), layout.reserved, "reserved bits");
        }
        long before = layout.read(access);
        layout.write(access, layout.compose(before, layout.reserved, -1L));
        long expected = before & ~layout.reserved;
        return compare(expected, layout.read(access), layout.reserved | layout.stable, "after writing ones to the reserved bits");
    }
}
