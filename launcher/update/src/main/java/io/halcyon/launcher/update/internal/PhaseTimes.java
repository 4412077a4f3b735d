package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How long each phase of one update took, for the history line an operator reads when a swap was slow. */
final class PhaseTimes {

    private final List<String> phases = new ArrayList<>();
    private long last = System.nanoTime();

    /** Closes the phase that ran since the previous mark; returns its length. */
    long mark(String phase) {
        long now = System.nanoTime();
        long took = now - last;
        phases.add(String.format(Locale.ROOT, "%s %.1f", phase, took / 1e6));
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

    @Override
    public String toString() {
        return phases.isEmpty() ? "" : "phases ms: " + String.join(", ", phases);
    }
}
