package io.halcyon.hal.api.otp;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/**
 * The fuse block of one chip instance (service property {@code halcyon.chip}). The contents are
 * loaded by the hardware from the fuse array at power-on and read from the hardware on every call;
 * nothing is cached.
 */
@ProviderType
public interface Fuses {

    /** Reads every fuse word in one batch, so the contents describe one moment. */
    @View(Stability.CONFIGURED)
    FuseContents contents();

    /**
     * Locks the fuse array for the rest of the power cycle (a soft reset opens it again): nothing can
     * program it afterwards. Writes only the lock bit; locking a locked array changes nothing.
     */
    void lock();
}
