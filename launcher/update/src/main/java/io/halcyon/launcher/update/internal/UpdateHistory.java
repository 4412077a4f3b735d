package io.halcyon.launcher.update.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateRecord;

/** Every update request on this host, in order. */
final class UpdateHistory {

    private final List<UpdateRecord> records = new ArrayList<>();

    synchronized UpdateRecord add(Instant at, String who, String bundle, String block, String from, String to, Outcome outcome,
            String detail, long pauseNanos, List<String> refreshed) {
        UpdateRecord r = new UpdateRecord(records.size() + 1L, at, who, bundle, block, from, to, outcome, detail, pauseNanos, refreshed);
        records.add(r);
        return r;
    }

    synchronized List<UpdateRecord> all() {
        return List.copyOf(records);
    }
}
