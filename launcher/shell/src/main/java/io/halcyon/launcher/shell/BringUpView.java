package io.halcyon.launcher.shell;

import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;

/** A bring-up timeline as text: one row per step, then one line of totals. */
final class BringUpView {

    private BringUpView() {}

    static String table(BringUpReport report) {
        TextTable t = new TextTable("STEP", "ACTION", "DEVICE TIME", "WALL", "DETAIL");
        for (BringUpStep s : report.steps()) {
            t.row(s.name(), s.alreadyDone() ? "already" : "done", Units.nanos(s.deviceNanos()), Units.millis(s.wallMillis()), s.detail());
        }
        return t.toString();
    }

    static String totals(BringUpReport report) {
        return String.format("chip ready: %d steps, %s device time, %s wall%s%n", report.steps().size(),
                Units.nanos(deviceNanos(report)), Units.millis(wallMillis(report)),
                report.attachedToRunningChip() ? "; the chip was already up: nothing was reset or retrained" : "");
    }

    static long deviceNanos(BringUpReport report) {
        return report.steps().stream().mapToLong(BringUpStep::deviceNanos).sum();
    }

    static double wallMillis(BringUpReport report) {
        return report.steps().stream().mapToDouble(BringUpStep::wallMillis).sum();
    }
}
