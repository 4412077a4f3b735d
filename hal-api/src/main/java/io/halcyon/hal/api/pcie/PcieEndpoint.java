package io.halcyon.hal.api.pcie;

import java.time.Duration;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/** The PCIe endpoint of one chip instance. Reads the hardware on every call. */
@ProviderType
public interface PcieEndpoint {

    /** Reads the link status. */
    @View(Stability.CONFIGURED)
    LinkStatus status();

    /** Starts link training towards at most PCIe generation {@code targetGeneration} (1..5). */
    void train(int targetGeneration);

    /**
     * Waits until the link is up, for at most {@code bound} of device time.
     *
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException naming LINK_STATUS and the state seen
     */
    LinkStatus awaitLinkUp(Duration bound);

    /** Sticky errors logged since they were last cleared. */
    @View(Stability.LIVE)
    Set<PcieError> errors();

    /** Clears these sticky errors, and only these. */
    void clearErrors(Set<PcieError> errors);
}
