package io.halcyon.hal.api.clkrst;

import java.time.Duration;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/** The clock-and-reset block of one chip instance (service property {@code halcyon.chip}). Reads the hardware on every call. */
@ProviderType
public interface ClockReset {

    /** Enables a PLL at {@code multiplier} x 100 MHz (1..255); it locks some device time later. */
    void enablePll(Pll pll, int multiplier);

    /** Whether the PLL reports lock. */
    boolean pllLocked(Pll pll);

    /**
     * Waits until the PLL reports lock, for at most {@code bound} of device time.
     *
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException naming the status register and the value seen
     */
    void awaitPllLock(Pll pll, Duration bound);

    /** Enables the clocks of these blocks (others keep their setting). */
    void enableClocks(Set<ChipBlock> blocks);

    /** Takes these blocks out of reset (others keep their setting). */
    void releaseResets(Set<ChipBlock> blocks);

    /** Blocks currently held in reset. */
    @View(Stability.CONFIGURED)
    Set<ChipBlock> blocksInReset();

    /** Blocks whose clocks run. */
    @View(Stability.CONFIGURED)
    Set<ChipBlock> clocksEnabled();
}
