package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.halcyon.hal.api.pcie.LinkState;
import io.halcyon.hal.api.pcie.LinkStatus;
import io.halcyon.hal.api.pcie.PcieEndpoint;

/** Trains the PCIe link up to generation 4, unless it is up already or still training from an earlier start. */
final class PcieLink extends Step {

    static final String NAME = "pcie-link";
    static final int TARGET_GENERATION = 4;
    /** States in which training is already under way: starting it again would only restart it. */
    private static final Set<LinkState> TRAINING = EnumSet.of(LinkState.POLLING, LinkState.CONFIG, LinkState.RECOVERY);

    private final PcieEndpoint pcie;

    PcieLink(PcieEndpoint pcie) {
        // Link training takes microseconds on the model and milliseconds on silicon; 100 ms covers both.
        super(NAME, Duration.ofMillis(100));
        this.pcie = pcie;
    }

    @Override
    Optional<String> endState() {
        LinkStatus status = pcie.status();
        return status.up() ? Optional.of(describe(status)) : Optional.empty();
    }

    @Override
    String perform(DeviceDeadline deadline) {
        LinkStatus before = pcie.status();
        boolean alreadyTraining = TRAINING.contains(before.state());
        if (!alreadyTraining) {
            pcie.train(TARGET_GENERATION);
        }
        LinkStatus up = pcie.awaitLinkUp(deadline.remaining());
        return describe(up) + (alreadyTraining ? " (training was under way in " + before.state() + ")" : "");
    }

    private static String describe(LinkStatus s) {
        return "link up gen " + s.speedGeneration() + " x" + s.width();
    }
}
