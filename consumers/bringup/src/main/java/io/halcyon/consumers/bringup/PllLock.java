package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.clkrst.Pll;

/**
 * Enables the PLLs that are not locked and waits for their lock. Both are enabled before either is
 * awaited, so the step takes the longer lock time (HBM, about 50 µs), not the sum.
 */
final class PllLock extends Step {

    static final String NAME = "pll-lock";

    /** Multipliers of the 100 MHz reference: core 1 GHz (the tensor engine's cycle), HBM 2 GHz. */
    static final Map<Pll, Integer> MULTIPLIERS = new EnumMap<>(Map.of(Pll.CORE, 10, Pll.HBM, 20));

    private final ClockReset clkrst;

    PllLock(ClockReset clkrst) {
        // 20x the HBM PLL's documented 50 µs lock time.
        super(NAME, Duration.ofMillis(1));
        this.clkrst = clkrst;
    }

    @Override
    Optional<String> endState() {
        return unlocked().isEmpty() ? Optional.of("core and HBM PLLs locked") : Optional.empty();
    }

    @Override
    String perform(DeviceDeadline deadline) {
        Set<Pll> unlocked = unlocked();
        for (Pll pll : unlocked) {
            clkrst.enablePll(pll, MULTIPLIERS.get(pll));
        }
        for (Pll pll : unlocked) {
            clkrst.awaitPllLock(pll, deadline.remaining());
        }
        return "locked " + Names.of(unlocked);
    }

    private Set<Pll> unlocked() {
        Set<Pll> unlocked = EnumSet.noneOf(Pll.class);
        for (Pll pll : Pll.values()) {
            if (!clkrst.pllLocked(pll)) {
                unlocked.add(pll);
            }
        }
        return unlocked;
    }
}
