package io.halcyon.hal.api.butr;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The results of one test run on one platform.
 *
 * @param platform the platform's kind in lower case ({@code emulation}), as HITL tables name it
 * @param chip chip instance
 * @param mode the mode the run used
 * @param seed the seed the order was shuffled with
 * @param results one per check, in the order they ran (skipped checks included)
 * @param wallNanos wall-clock time the run took
 * @param deviceNanos device time the run took (the platform's time base)
 */
@ProviderType
public record TestReport(String platform, int chip, TestMode mode, long seed, List<CheckResult> results, long wallNanos,
        long deviceNanos) {

    public TestReport {
        results = List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
    }

    /** True when nothing failed (skipped checks do not make a run fail, nor do they count as passed). */
    public boolean passed() {
        return count(Outcome.FAILED) == 0;
    }
}
