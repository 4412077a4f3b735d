package io.halcyon.launcher.update.internal;

import java.util.List;

import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * {@code hal:update}, {@code hal:rollback} and {@code hal:history}. An update that did not end with
 * the new version serving is reported as an error, so {@code halcyon run} exits non-zero.
 */
public final class UpdateCommands {

    static final String[] FUNCTIONS = {"update", "rollback", "history"};

    private final UpdateManager manager;

    UpdateCommands(UpdateManager manager) {
        this.manager = manager;
    }

    /** hal:update BLOCK-OR-BUNDLE JAR-OR-groupId:artifactId:version */
    public String update(String target, String source) {
        return reported(manager.update(target, source, "shell " + System.getProperty("user.name")));
    }

    /** hal:rollback BLOCK-OR-BUNDLE: back to the version before the last update. */
    public String rollback(String target) {
        return reported(manager.rollback(target, "shell " + System.getProperty("user.name")));
    }

    /** hal:history: every update on this host. */
    public String history() {
        List<UpdateRecord> records = manager.history();
        if (records.isEmpty()) {
            return "no updates on this host yet";
        }
        StringBuilder out = new StringBuilder(String.format("%-4s %-24s %-10s %-28s %-12s %9s  %s%n", "#", "when", "block",
                "version", "outcome", "pause ms", "who / detail"));
        for (UpdateRecord r : records) {
            out.append(String.format("%-4d %-24s %-10s %-28s %-12s %9.1f  %s%s%n", r.sequence(), r.at().toString().substring(0, 19) + "Z",
                    r.block().isEmpty() ? "-" : r.block(), r.fromVersion() + " -> " + r.toVersion(), r.outcome(), r.pauseMillis(),
                    r.who(), r.detail().isEmpty() ? "" : ": " + r.detail()));
        }
        return out.toString();
    }

    private static String reported(UpdateRecord r) {
        if (r.outcome() != Outcome.UPDATED && r.outcome() != Outcome.UNCHANGED) {
            throw new IllegalStateException(r.summary());
        }
        return r.summary();
    }
}
