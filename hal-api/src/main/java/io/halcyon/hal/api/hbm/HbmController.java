package io.halcyon.hal.api.hbm;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/** The HBM controller of one chip instance. Reads the hardware on every call. */
@ProviderType
public interface HbmController {

    /** Reads the training state. */
    @View(Stability.CONFIGURED)
    HbmState state();

    /** Starts initialisation and training (about 200 us of device time). */
    void startTraining();

    /**
     * Waits until training has finished, for at most {@code bound} of device time.
     *
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException if training neither finished nor failed in time
     * @throws IllegalStateException if training failed; the message names STATUS and the value seen
     */
    void awaitReady(Duration bound);

    /** Device memory size in bytes. */
    @View(Stability.CONFIGURED)
    long sizeBytes();

    /**
     * Reads the ECC error counters, which CLEARS them (the registers are read-to-clear): only the
     * owner of ECC accounting should call this, never a health check.
     */
    EccCounts readAndClearEccCounters();
}
