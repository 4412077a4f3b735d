package io.halcyon.hal.api.sysctrl;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/**
 * The system-control block of one chip instance (service property {@code halcyon.chip}).
 * Every call reads or writes the hardware; nothing is cached.
 */
@ProviderType
public interface SystemControl {

    /** Reads the chip's identity registers. */
    @View(Stability.CONFIGURED)
    ChipIdentity identity();

    /** Whether the chip reports this capability. */
    boolean hasCapability(Capability capability);

    /** Reads the scratch register (free for software; cleared by a soft reset). */
    @View(Stability.CONFIGURED)
    int scratch();

    /** Writes the scratch register. */
    void scratch(int value);

    /** How many soft resets the chip has done since power-on (a hardware counter, wraps at 255). */
    @View(Stability.CONFIGURED)
    int resetCount();

    /**
     * Resets every block of the chip to its reset values and waits until the chip reports the reset
     * done, for at most the block's documented bound in device time.
     *
     * @throws IllegalStateException if the chip does not report completion within the bound; the
     *     message names the register and the value last seen
     */
    void softReset();
}
