package io.halcyon.hal.api.bringup;

import org.osgi.annotation.versioning.ProviderType;

/** Brings a chip instance up (service property {@code halcyon.chip}). */
@ProviderType
public interface BringUp {

    /**
     * Takes the chip from whatever state it is in to ready for work. Steps whose end state the
     * hardware already shows are skipped, so calling this on a chip that is up changes nothing.
     *
     * @throws BringUpException at the first step that fails, within that step's device-time bound
     */
    BringUpReport bringUp();

    /** Whether the chip is ready for work, judged from the hardware alone (no writes, no side-effect reads). */
    boolean ready();
}
