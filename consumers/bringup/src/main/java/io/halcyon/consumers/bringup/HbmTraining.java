package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.Optional;

import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hbm.HbmState;

/** Initialises and trains the HBM, unless it is ready or its training is already running. */
final class HbmTraining extends Step {

    static final String NAME = "hbm-training";

    private final HbmController hbm;

    HbmTraining(HbmController hbm) {
        // 10x the documented 200 µs training time.
        super(NAME, Duration.ofMillis(2));
        this.hbm = hbm;
    }

    @Override
    Optional<String> endState() {
        return hbm.state() == HbmState.READY ? Optional.of(describe()) : Optional.empty();
    }

    @Override
    String perform(DeviceDeadline deadline) {
        HbmState before = hbm.state();
        if (before != HbmState.TRAINING) {
            hbm.startTraining(); // from UNTRAINED, or again after FAILED as the controller asks
        }
        hbm.awaitReady(deadline.remaining());
        return describe() + (before == HbmState.TRAINING ? " (training was under way)" : "");
    }

    private String describe() {
        return "HBM ready, " + (hbm.sizeBytes() >> 20) + " MiB";
    }
}
