package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

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
    @Descriptor("replace a block driver (or the API bundle) on the running host: staged beside the running version, "
            + "checked by the health gate, switched in a short pause, or rolled back")
    public String update(
            @Descriptor("accept the new version without the health gate's check (recorded as unchecked)")
            @Parameter(names = "--unchecked", presentValue = "true", absentValue = "false") boolean unchecked,
            @Descriptor("the block (e.g. sysctrl) or the bundle's symbolic name") String target,
            @Descriptor("the new version: a jar file, or groupId:artifactId:version from the local Maven repository") String source) {
        if (target.startsWith("--") || source.startsWith("--")) {
            throw new IllegalArgumentException(UPDATE_USAGE);
        }
        return reported(manager.update(target, source, who(), unchecked ? GatePolicy.UNCHECKED : GatePolicy.CHECKED));
    }

    /** Any other arguments: the usage, rather than Gogo's "Cannot coerce". No descriptor, so help leaves it out. */
    public String update(String... args) {
        throw new IllegalArgumentException(UPDATE_USAGE);
    }

    /** hal:rollback BLOCK-OR-BUNDLE: back to the version before the last update. */
    @Descriptor("put back the version a block (or bundle) ran before its last update, the exact bytes kept in the state directory")
    public String rollback(@Descriptor("the block (e.g. sysctrl) or the bundle's symbolic name") String target) {
        return reported(manager.rollback(target, who()));
    }

    /** hal:history: every update on this host, earlier host processes with the same state directory included. */
    @Descriptor("every update on this host (and earlier hosts with the same state directory): outcome, pause, phases, gate checks, rollbacks")
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
