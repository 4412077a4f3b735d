package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.Optional;

import io.halcyon.hal.api.otp.FuseContents;
import io.halcyon.hal.api.otp.Fuses;

/**
 * Reads what manufacturing test burnt into the fuses (serial number, SKU, HBM repairs) into the
 * timeline, and locks the fuse array for the power cycle, as a production bring-up does before any
 * workload runs. A locked array is the end state: a second bring-up only reads.
 */
final class FuseLock extends Step {

    static final String NAME = "fuses";

    private final Fuses fuses;

    FuseLock(Fuses fuses) {
        super(NAME, Duration.ofNanos(10_000));
        this.fuses = fuses;
    }

    @Override
    Optional<String> endState() {
        FuseContents now = fuses.contents();
        return now.locked() ? Optional.of(now.summary()) : Optional.empty();
    }

    @Override
    String perform(DeviceDeadline deadline) {
        fuses.lock();
        FuseContents now = fuses.contents();
        if (!now.locked()) {
            throw new IllegalStateException("otp.CTRL.LOCK still 0 after writing 1: the fuse array did not lock");
        }
        return now.summary();
    }
}
