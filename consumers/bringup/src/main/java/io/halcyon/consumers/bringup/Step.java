package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.Optional;

/**
 * One step of the bring-up sequence. A step first looks at the hardware: if its end state already
 * holds it does nothing, which is what lets a host attach to a chip that is up without resetting or
 * retraining anything.
 */
abstract class Step {

    private final String name;
    private final Duration bound;

    /**
     * @param name the name the timeline and errors use, e.g. {@code pll-lock}
     * @param bound device time the step may take before bring-up calls the hardware broken
     */
    Step(String name, Duration bound) {
        this.name = name;
        this.bound = bound;
    }

    final String name() {
        return name;
    }

    final Duration bound() {
        return bound;
    }

    /**
     * What the hardware shows when the step's end state already holds, empty when the step has work
     * to do. Reads only, and never a register whose read has side effects: {@code ready()} relies on it.
     *
     * @throws IllegalStateException when the hardware is in a state no work of this step can fix
     *     (a chip that is not the reference chip, an engine reporting an error)
     */
    abstract Optional<String> endState();

    /**
     * Does the step's work, waiting for the hardware at most until {@code deadline}.
     *
     * @return what the step saw, for the timeline
     */
    abstract String perform(DeviceDeadline deadline);

    /** A step that only looks: its end state either holds or cannot be reached by bring-up at all. */
    abstract static class Check extends Step {

        /** Checks read a few registers and never wait. */
        private static final Duration READS_ONLY = Duration.ofNanos(10_000);

        Check(String name) {
            super(name, READS_ONLY);
        }

        /** Always the end state, or an {@link IllegalStateException} saying why the chip cannot be used. */
        @Override
        abstract Optional<String> endState();

        @Override
        final String perform(DeviceDeadline deadline) {
            throw new IllegalStateException(name() + " only checks; it has no work to perform");
        }
    }
}
