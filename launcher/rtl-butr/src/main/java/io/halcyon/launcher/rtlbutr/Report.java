package io.halcyon.launcher.rtlbutr;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * rtl-butr's summary: checks per suite, which assumption about the held inputs made which fields
 * testable, which hardware-updated fields stayed skipped and why, the failures, and the verdict.
 */
final class Report {

    private static final int FAILURES_SHOWN = 20;

    private Report() {
    }

    static String summary(TestReport report, HeldInputs.Result held) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-14s %7s %7s %8s%n", "SUITE", "PASSED", "FAILED", "SKIPPED"));
        for (Suite suite : Suite.values()) {
            long[] c = new long[Outcome.values().length];
            report.results().stream().filter(r -> r.suite() == suite).forEach(r -> c[r.outcome().ordinal()]++);
            if (c[0] + c[1] + c[2] > 0) {
                s.append(String.format(Locale.ROOT, "%-14s %7d %7d %8d%n", suite.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        c[Outcome.PASSED.ordinal()], c[Outcome.FAILED.ordinal()], c[Outcome.SKIPPED.ordinal()]));
            }
        }
        s.append(String.format(Locale.ROOT, "%-14s %7d %7d %8d%n", "total", report.count(Outcome.PASSED), report.count(Outcome.FAILED),
                report.count(Outcome.SKIPPED)));
        if (!held.testable().isEmpty()) {
            s.append("checked like software-only fields, because the hardware-side inputs are held at zero:\n");
            for (Map.Entry<String, List<String>> e : held.byAssumption().entrySet()) {
                s.append("  ").append(e.getKey()).append(": ").append(String.join(", ", e.getValue())).append('\n');
            }
        }
        if (!held.untestable().isEmpty()) {
            s.append("skipped as hardware-updated all the same:\n");
            held.untestable().forEach(u -> s.append("  ").append(u.field()).append(": ").append(u.why()).append('\n'));
        }
        List<CheckResult> failures = report.failures();
        if (!failures.isEmpty()) {
            s.append("failures:\n");
            failures.stream().limit(FAILURES_SHOWN).forEach(f -> s.append("  ").append(f.message()).append('\n'));
            if (failures.size() > FAILURES_SHOWN) {
                s.append("  ... and ").append(failures.size() - FAILURES_SHOWN).append(" more\n");
            }
        }
        s.append(String.format(Locale.ROOT, "%d checks, seed %d: %.1f ms wall, %d cycles%n", report.results().size(), report.seed(),
                report.wallNanos() / 1e6, report.deviceNanos()));
        return s.toString();
    }
}
