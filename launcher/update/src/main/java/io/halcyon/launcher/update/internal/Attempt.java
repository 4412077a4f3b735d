package io.halcyon.launcher.update.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;

import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * One update request on its way to the history: what is being replaced by what, for whom. Every
 * request ends in exactly one {@link #end} call, whichever path it took.
 */
final class Attempt {

    final Bundle bundle;
    final JarImage from;
    final JarImage to;
    private final String who;
    private final Instant at;
    private final String block;
    private final UpdateHistory history;
    private final Consumer<String> log;

    /**
     * @param bundle the bundle running now
     * @param from the jar it runs
     * @param to the jar requested
     * @param block the blocks its drivers serve, comma separated, or empty
     */
    Attempt(Bundle bundle, JarImage from, JarImage to, String who, String block, UpdateHistory history, Consumer<String> log) {
        this.bundle = bundle;
        this.from = from;
        this.to = to;
        this.who = who;
        this.at = Instant.now();
        this.block = block;
        this.history = history;
        this.log = log;
    }

    /** Records how the request ended; anything but a new or the same version serving is also logged. */
    UpdateRecord end(Outcome outcome, String detail, long pauseNanos, List<String> refreshed) {
        UpdateRecord r = history.add(at, who, bundle.getSymbolicName(), block, from.version().toString(), to.version().toString(),
                outcome, detail, pauseNanos, refreshed);
        if (outcome != Outcome.UPDATED && outcome != Outcome.UNCHANGED) {
            log.accept(r.summary());
        }
        return r;
    }
}
