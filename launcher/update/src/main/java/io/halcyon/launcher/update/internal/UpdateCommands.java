package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.GatePolicy;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.Phase;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * {@code hal:update}, {@code hal:rollback} and {@code hal:history}. An update that did not end with
 * the new version serving is reported as an error, so {@code halcyon run} exits non-zero.
 */
public final class UpdateCommands {

    static final String[] FUNCTIONS = {"update", "rollback", "history"};
    static final String UPDATE_USAGE = "usage: hal:update [--unchecked] BLOCK-OR-BUNDLE JAR-OR-groupId:artifactId:version";

    private final UpdateManager manager;

    UpdateCommands(UpdateManager manager) {
        this.manager = manager;
    }

    /** hal:update [--unchecked] BLOCK-OR-BUNDLE JAR-OR-groupId:artifactId:version */
    public String update(String... args) {
        List<String> operands = new ArrayList<>(List.of(args));
        GatePolicy policy = operands.remove("--unchecked") ? GatePolicy.UNCHECKED : GatePolicy.CHECKED;
        if (operands.size() != 2 || operands.stream().anyMatch(a -> a.startsWith("--"))) {
            throw new IllegalArgumentException(UPDATE_USAGE);
        }
        return reported(manager.update(operands.get(0), operands.get(1), who(), policy));
    }

    /** hal:rollback BLOCK-OR-BUNDLE: back to the version before the last update. */
    public String rollback(String target) {
        return reported(manager.rollback(target, who()));
    }

    /** hal:history: every update on this host, earlier host processes with the same state directory included. */
    public String history() {
        List<UpdateRecord> records = manager.history();
        if (records.isEmpty()) {
            return "no updates on this host yet";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-4s %-20s %-10s %-34s %-11s %9s  %s%n", "#", "when (UTC)", "block",
                "version", "outcome", "pause ms", "who / detail"));
        for (UpdateRecord r : records) {
            out.append(String.format(Locale.ROOT, "%-4d %-20s %-10s %-34s %-11s %9.1f  %s%s%n", r.sequence(),
                    r.at().toString().substring(0, 19), r.block().isEmpty() ? r.bundle() : r.block(), r.fromVersion() + " -> " + r.toVersion(),
                    r.outcome(), r.pauseMillis(), r.who(), r.detail().isEmpty() ? "" : ": " + r.detail()));
            List<String> more = new ArrayList<>();
            if (r.unchecked()) {
                more.add("unchecked by the operator");
            }
            if (!r.gate().equals(GateCounts.NONE)) {
                more.add("gate: " + r.gate().summary());
            }
            if (!r.phases().isEmpty()) {
                more.add(Phase.line(r.phases()));
            }
            if (r.refreshed().size() > 1) {
                more.add("refreshed " + r.refreshed().size() + ": " + String.join(", ", r.refreshed()));
            }
            more.forEach(line -> out.append("     ").append(line).append('\n'));
        }
        return out.toString();
    }

    private static String who() {
        return "shell " + System.getProperty("user.name");
    }

    private static String reported(UpdateRecord r) {
        if (r.outcome() != Outcome.UPDATED && r.outcome() != Outcome.UNCHANGED) {
            throw new IllegalStateException(r.summary());
        }
        return r.summary();
    }
}
