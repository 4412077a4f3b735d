package io.halcyon.hal.api.intc;

import java.time.Duration;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/** The interrupt controller of one chip instance. Reads the hardware on every call. */
@ProviderType
public interface InterruptController {

    /** Sources latched and not yet acknowledged. */
    @View(Stability.LIVE)
    Set<InterruptSource> pending();

    /** Sources that are signalled to the host when pending. */
    @View(Stability.CONFIGURED)
    Set<InterruptSource> enabled();

    /** Enables exactly these sources (the others are disabled). */
    void setEnabled(Set<InterruptSource> sources);

    /** Acknowledges these sources and only these (write-1-to-clear). */
    void acknowledge(Set<InterruptSource> sources);

    /**
     * Waits until one of {@code sources} is pending, for at most {@code bound} of device time.
     *
     * @return the pending sources among {@code sources} (never empty)
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException if none became pending in time
     */
    Set<InterruptSource> awaitAny(Set<InterruptSource> sources, Duration bound);
}
