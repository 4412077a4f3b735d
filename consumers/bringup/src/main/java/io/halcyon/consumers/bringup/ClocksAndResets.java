package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.ClockReset;

/** Runs every block's clock, then takes the blocks out of reset (a block leaves reset with its clock running). */
final class ClocksAndResets extends Step {

    static final String NAME = "clocks-and-resets";
    private static final Set<ChipBlock> ALL = EnumSet.allOf(ChipBlock.class);

    private final ClockReset clkrst;

    ClocksAndResets(ClockReset clkrst) {
        super(NAME, Duration.ofNanos(10_000));
        this.clkrst = clkrst;
    }

    @Override
    Optional<String> endState() {
        return clkrst.clocksEnabled().containsAll(ALL) && clkrst.blocksInReset().isEmpty()
                ? Optional.of("all clocks running, no block in reset")
                : Optional.empty();
    }

    @Override
    String perform(DeviceDeadline deadline) {
        Set<ChipBlock> gated = EnumSet.copyOf(ALL);
        gated.removeAll(clkrst.clocksEnabled());
        if (!gated.isEmpty()) {
            clkrst.enableClocks(gated);
        }
        Set<ChipBlock> inReset = clkrst.blocksInReset();
        if (!inReset.isEmpty()) {
            clkrst.releaseResets(inReset);
        }
        return "clocks enabled " + Names.of(gated) + ", released from reset " + Names.of(inReset);
    }
}
