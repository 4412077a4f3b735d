package io.halcyon.launcher.update;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One update request and how it ended.
 *
 * @param sequence 1, 2, ... in the order requests were made on this host
 * @param at when the request was made
 * @param who who asked ({@code shell <user>}, {@code hot-deploy <file>}, {@code soak}, ...)
 * @param bundle the bundle's symbolic name
 * @param block the block its drivers serve, or empty for a bundle that is not a block bundle
 * @param fromVersion the version that ran before
 * @param toVersion the version requested
 * @param outcome how it ended
 * @param detail one line: why it was refused or rolled back, or what was checked
 * @param pauseNanos how long the block's callers were held for the switch (0 when there was no switch)
 * @param refreshed the bundles the update went to, by symbolic name: for an API update, its dependency
 *     closure, which was refreshed; for a block swap that ended {@code UPDATED} or {@code ROLLED_BACK},
 *     the block bundle alone (a swap refreshes nothing: each version runs as a bundle of its own);
 *     empty when the request was refused or unchanged
 */
@ProviderType
public record UpdateRecord(long sequence, Instant at, String who, String bundle, String block, String fromVersion,
        String toVersion, Outcome outcome, String detail, long pauseNanos, List<String> refreshed) {

    public UpdateRecord {
        refreshed = List.copyOf(refreshed);
    }

    public double pauseMillis() {
        return pauseNanos / 1e6;
    }

    /** One line for a history table or a log. */
    public String summary() {
        return String.format("#%d %s %s %s -> %s %s (pause %.1f ms) by %s%s", sequence, block.isEmpty() ? bundle : block,
                bundle, fromVersion, toVersion, outcome, pauseMillis(), who, detail.isEmpty() ? "" : ": " + detail);
    }
}
