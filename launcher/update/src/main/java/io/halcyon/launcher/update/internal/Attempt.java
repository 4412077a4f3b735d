package io.halcyon.launcher.update.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;

import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.GatePolicy;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.Phase;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * One update request on its way to the history: what is being replaced by what, for whom. Every
 * request ends in exactly one {@link #end} call, whichever path it took, and that call writes the
 * record to the durable history before anyone hears of the outcome.
 */
final class Attempt {

    final Bundle bundle;
    final JarImage from;
    final JarImage to;
    final GatePolicy policy;
    private final String who;
    private final Instant at;
    private final String block;
    private final HistoryLog history;
    private final Consumer<String> log;

    /**
     * @param bundle the bundle running now
     * @param from the jar it runs
     * @param to the jar requested
     * @param block the blocks its drivers serve, comma separated, or empty
     */
    Attempt(Bundle bundle, JarImage from, JarImage to, String who, GatePolicy policy, String block, HistoryLog history,
            Consumer<String> log) {
        this.bundle = bundle;
        this.from = from;
        this.to = to;
        this.who = who;
        this.policy = policy;
        this.at = Instant.now();
        this.block = block;
        this.history = history;
        this.log = log;
    }

    /** An end with neither phases nor a gate (a refusal, nothing to do). */
    UpdateRecord end(Outcome outcome, String detail, long pauseNanos, List<String> refreshed) {
        return end(outcome, detail, pauseNanos, refreshed, List.of(), GateCounts.NONE);
    }

    /** Records how the request ended; anything but a new or the same version serving is also logged. */
    UpdateRecord end(Outcome outcome, String detail, long pauseNanos, List<String> refreshed, List<Phase> phases, GateCounts gate) {
        UpdateRecord r = history.append(new UpdateRecord(0, at, who, bundle.getSymbolicName(), block, from.version().toString(),
                to.version().toString(), outcome, detail, pauseNanos, refreshed, phases, gate, policy == GatePolicy.UNCHECKED));
        if (outcome != Outcome.UPDATED && outcome != Outcome.UNCHANGED) {
            log.accept(r.summary());
        }
        return r;
    }
}
