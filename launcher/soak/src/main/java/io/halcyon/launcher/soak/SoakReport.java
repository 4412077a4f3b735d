package io.halcyon.launcher.soak;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a soak did.
 *
 * @param updates good versions that took over (each built from changed code, its build verified running)
 * @param rollbacks versions rolled back (the deliberately bad ones, with --bad; any other is a failure)
 * @param failedCalls workload runs that threw plus probe calls that threw or answered wrongly
 * @param identical every disturbed run's weights equal the undisturbed run's, bit for bit
 * @param pause consumer-visible pause per successful swap
 */
record SoakReport(int updates, int rollbacks, long failedCalls, boolean identical, Percentiles pause, String referenceChecksum,
        List<String> runChecksums, Map<String, Integer> updatesPerBlock, int steps, long probeCalls, List<String> problems) {

    String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "updates:      %d %s, each a new version built from changed code%n", updates, updatesPerBlock));
        s.append(String.format(Locale.ROOT, "rollbacks:    %d%n", rollbacks));
        s.append(String.format(Locale.ROOT, "failed calls: %d (%d training run(s) of %d steps, %d probe calls)%n", failedCalls,
                runChecksums.size(), steps, probeCalls));
        s.append(String.format(Locale.ROOT, "weights:      %s%n              undisturbed %s: %s%n", String.join(", ", runChecksums),
                referenceChecksum, identical ? "identical" : "DIFFERENT"));
        s.append(String.format(Locale.ROOT, "pause/swap:   p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d swaps)%n", pause.p50(), pause.p99(),
                pause.max(), pause.count()));
        problems.forEach(p -> s.append("problem:      ").append(p).append('\n'));
        return s.toString();
    }

    String json() {
        return String.format(Locale.ROOT, "{\"updates\": %d, \"rollbacks\": %d, \"failedCalls\": %d, \"identical\": %b, "
                + "\"pauseMs\": {\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f}, \"weightsChecksum\": \"%s\", \"referenceChecksum\": \"%s\", "
                + "\"runs\": %d, \"steps\": %d, \"probeCalls\": %d, \"problems\": %d}",
                updates, rollbacks, failedCalls, identical, pause.p50(), pause.p99(), pause.max(),
                runChecksums.isEmpty() ? "" : runChecksums.get(runChecksums.size() - 1), referenceChecksum, runChecksums.size(), steps,
                probeCalls, problems.size());
    }
}
