package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.List;

import io.halcyon.launcher.update.Phase;

/** How long each phase of one update took, for the record an operator reads when an update was slow. */
final class PhaseTimes {

    private final List<Phase> phases = new ArrayList<>();
    private long last = System.nanoTime();

    /** Closes the phase that ran since the previous mark; returns its length. */
    long mark(String phase) {
        long now = System.nanoTime();
        long took = now - last;
        phases.add(new Phase(phase, took));
        last = now;
        return took;
    }

    /**
     * Starts the next phase now, leaving out the time since the previous mark (the updater thread
     * waiting for a core, which would otherwise be counted in a phase that had not begun).
     */
    long restart() {
        last = System.nanoTime();
        return last;
    }

    List<Phase> phases() {
        return List.copyOf(phases);
    }

    @Override
    public String toString() {
        return Phase.line(phases);
    }
}
