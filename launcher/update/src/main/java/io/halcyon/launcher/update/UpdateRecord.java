package io.halcyon.launcher.update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One update request and how it ended.
 *
 * @param sequence 1, 2, ... in the order requests were made on this host (its state directory: the
 *     numbering goes on across restarts)
 * @param at when the request was made
 * @param who who asked ({@code shell <user>}, {@code hot-deploy <file>}, {@code soak}, {@code host start}, ...)
 * @param bundle the bundle's symbolic name
 * @param block the block its drivers serve, or empty for a bundle that is not a block bundle
 * @param fromVersion the version that ran before
 * @param toVersion the version requested
 * @param outcome how it ended
 * @param detail one line: why it was refused, rolled back or failed, or what else an operator should know
 *     (an unchecked update); empty when there is nothing to add
 * @param pauseNanos how long callers could not be served: for a block swap, the drain and switch; for an
 *     API update, from the first driver stopped to every contract served again (0 when nothing stopped)
 * @param refreshed the bundles the update went to, by symbolic name: for an API update, its dependency
 *     closure, which was stopped, refreshed and started again; for a block swap that ended
 *     {@code UPDATED} or {@code ROLLED_BACK}, the block bundle alone (a swap refreshes nothing: each
 *     version runs as a bundle of its own); empty when the request was refused or unchanged
 * @param phases how long each phase took, in order
 * @param gate what the health gate checked ({@link GateCounts#NONE} when no gate ran)
 * @param unchecked the operator accepted a version the gate might check nothing of ({@link GatePolicy#UNCHECKED})
 */
@ProviderType
public record UpdateRecord(long sequence, Instant at, String who, String bundle, String block, String fromVersion,
        String toVersion, Outcome outcome, String detail, long pauseNanos, List<String> refreshed, List<Phase> phases,
        GateCounts gate, boolean unchecked) {

    public UpdateRecord {
        refreshed = List.copyOf(refreshed);
        phases = List.copyOf(phases);
        gate = gate == null ? GateCounts.NONE : gate;
    }

    /** A record without phases or gate counts, as 1.0 made them. */
    public UpdateRecord(long sequence, Instant at, String who, String bundle, String block, String fromVersion, String toVersion,
            Outcome outcome, String detail, long pauseNanos, List<String> refreshed) {
        this(sequence, at, who, bundle, block, fromVersion, toVersion, outcome, detail, pauseNanos, refreshed, List.of(),
                GateCounts.NONE, false);
    }

    public double pauseMillis() {
        return pauseNanos / 1e6;
    }

    /** How long a phase took, or -1 when the update had no such phase. */
    public long phaseNanos(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).mapToLong(Phase::nanos).findFirst().orElse(-1);
    }

    /** One line for a history table or a log. */
    public String summary() {
        List<String> notes = new ArrayList<>();
        if (!detail.isEmpty()) {
            notes.add(detail);
        }
        if (unchecked) {
            notes.add("unchecked by the operator");
        }
        if (!gate.equals(GateCounts.NONE)) {
            notes.add("gate: " + gate.summary());
        }
        if (!phases.isEmpty()) {
            notes.add(Phase.line(phases));
        }
        if (refreshed.size() > 1) {
            notes.add("refreshed " + refreshed.size() + ": " + String.join(", ", refreshed));
        }
        return String.format(Locale.ROOT, "#%d %s %s %s -> %s %s (pause %.1f ms) by %s%s", sequence, block.isEmpty() ? bundle : block,
                bundle, fromVersion, toVersion, outcome, pauseMillis(), who, notes.isEmpty() ? "" : ": " + String.join("; ", notes));
    }
}
