package io.halcyon.consumers.bringup;

import java.util.Optional;

import io.halcyon.hal.api.telemetry.Readings;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.tensor.TensorEngineStatus;

/**
 * The last check: the tensor engine is out of reset without an error, so it accepts work. A busy
 * engine passes (a host attaching to a running chip finds commands in flight and lets them finish);
 * an engine reporting an error does not, because bring-up has nothing that clears it short of a reset.
 * The die temperatures go into the timeline as the chip's first sign of life under clock.
 */
final class TensorEngineCheck extends Step.Check {

    static final String NAME = "tensor-engine";
    private static final String[] ERRORS = {"none", "bad opcode", "address out of range", "queue overflow",
        "HBM not ready", "bad dimensions"};

    private final TensorEngine tensor;
    private final Telemetry telemetry;

    TensorEngineCheck(TensorEngine tensor, Telemetry telemetry) {
        super(NAME);
        this.tensor = tensor;
        this.telemetry = telemetry;
    }

    @Override
    Optional<String> endState() {
        TensorEngineStatus s = tensor.status();
        if (s.error()) {
            String meaning = s.errorCode() >= 0 && s.errorCode() < ERRORS.length ? ERRORS[s.errorCode()] : "unknown";
            throw new IllegalStateException(String.format("tensor.INT_STATUS.ERROR set, ERR_CODE=%d (%s)", s.errorCode(), meaning));
        }
        String activity = s.busy() || s.queued() > 0
                ? "busy, " + s.queued() + " queued (left to finish)"
                : "idle";
        Readings r = telemetry.read();
        return Optional.of(String.format("%s, no error, %d commands completed; die max %.1f C, %.1f W",
                activity, s.completed(), r.maxTemperatureCelsius(), r.powerWatts()));
    }
}
