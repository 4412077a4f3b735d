package io.halcyon.consumers.bringup;

import java.time.Duration;

import io.halcyon.hal.api.bus.RegisterBus;

/**
 * A step's bound in device time, shared by the waits of that step: a step that waits for two
 * things gets one budget, not one per wait.
 */
final class DeviceDeadline {

    /** A wait needs a positive bound; an exhausted budget still lets the driver look once and report. */
    private static final Duration EXHAUSTED = Duration.ofNanos(1);

    private final RegisterBus bus;
    private final long endNanos;

    DeviceDeadline(RegisterBus bus, Duration bound) {
        this.bus = bus;
        this.endNanos = bus.deviceTimeNanos() + bound.toNanos();
    }

    /** Device time left, never less than one nanosecond. */
    Duration remaining() {
        long left = endNanos - bus.deviceTimeNanos();
        return left > 0 ? Duration.ofNanos(left) : EXHAUSTED;
    }
}
