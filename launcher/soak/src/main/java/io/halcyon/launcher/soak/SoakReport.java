package io.halcyon.launcher.soak;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a soak did.
 *
 * @param updates good block versions that took over (each built from changed code, its build verified running)
 * @param rollbacks block versions rolled back (the deliberately bad ones, with --bad; any other is a failure)
 * @param failedCalls workload runs that threw plus probe calls that threw or answered wrongly
 * @param identical every disturbed run's weights equal the undisturbed run's, bit for bit (API phase included)
 * @param pause consumer-visible pause per successful block swap
 * @param misaddressedRejected the blocks whose misaddressing version the health gate rolled back
 * @param api the API phase, or null when there was none
 */
record SoakReport(int updates, int rollbacks, long failedCalls, boolean identical, Percentiles pause, String referenceChecksum,
        List<String> runChecksums, Map<String, Integer> updatesPerBlock, int steps, long probeCalls, List<String> misaddressedRejected,
        ApiPhase.Result api, List<String> problems) {

    /** This report with the API phase's result added. */
    SoakReport withApi(ApiPhase.Result result) {
        List<String> all = new java.util.ArrayList<>(problems);
        all.addAll(result.problems());
        boolean apiIdentical = result.checksums().stream().allMatch(result.reference()::equals);
        return new SoakReport(updates, rollbacks, failedCalls, identical && apiIdentical, pause, referenceChecksum, runChecksums,
                updatesPerBlock, steps, probeCalls, misaddressedRejected, result, all);
    }

    Percentiles apiPause() {
        return api == null ? Percentiles.ofNanos(List.of()) : Percentiles.ofNanos(api.pausesNanos());
    }

    String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "updates:      %d %s, each a new version built from changed code%n", updates, updatesPerBlock));
        s.append(String.format(Locale.ROOT, "rollbacks:    %d%s%n", rollbacks, misaddressedRejected.isEmpty() ? ""
                : "; misaddressing versions rejected by the health gate: " + misaddressedRejected.size() + " " + misaddressedRejected));
        s.append(String.format(Locale.ROOT, "failed calls: %d (%d training run(s) of %d steps, %d probe calls)%n", failedCalls,
                runChecksums.size(), steps, probeCalls));
        s.append(String.format(Locale.ROOT, "weights:      %s%n              undisturbed %s: %s%n", String.join(", ", runChecksums),
                referenceChecksum, identical ? "identical" : "DIFFERENT"));
        s.append(String.format(Locale.ROOT, "pause/swap:   p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d swaps)%n", pause.p50(), pause.p99(),
                pause.max(), pause.count()));
        if (api != null) {
            Percentiles p = apiPause();
            Percentiles stop = Percentiles.ofNanos(api.stopsNanos());
            s.append(String.format(Locale.ROOT, "api updates:  %d of %s, %d begun while hal:train ran (%d of those runs finished before the "
                    + "update went on), %d bundles refreshed each; %d failed refresh(es) restored%n", api.updates(), ApiPhase.API_BUNDLE,
                    api.midRun(), api.finishedFirst(), api.refreshed(), api.restored()));
            s.append(String.format(Locale.ROOT, "api weights:  %s%n              undisturbed %s%n", String.join(", ", api.checksums()),
                    api.reference()));
            s.append(String.format(Locale.ROOT, "pause/api:    p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d API updates); stopping the "
                    + "dependents, the run in flight finishing, before it: p50 %.2f ms, max %.2f ms%n", p.p50(), p.p99(), p.max(), p.count(),
                    stop.p50(), stop.max()));
        }
        problems.forEach(p -> s.append("problem:      ").append(p).append('\n'));
        return s.toString();
    }

    String json() {
        Percentiles a = apiPause();
        return String.format(Locale.ROOT, "{\"updates\": %d, \"rollbacks\": %d, \"failedCalls\": %d, \"identical\": %b, "
                + "\"pauseMs\": {\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f}, \"weightsChecksum\": \"%s\", \"referenceChecksum\": \"%s\", "
                + "\"runs\": %d, \"steps\": %d, \"probeCalls\": %d, \"blocks\": %d, \"misaddressedRejected\": [%s], "
                + "\"apiUpdates\": %d, \"apiMidRun\": %d, \"apiRunsFinishedFirst\": %d, \"apiRestored\": %d, \"apiRefreshed\": %d, "
                + "\"apiPauseMs\": {\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f}, "
                + "\"problems\": %d}",
                updates, rollbacks, failedCalls, identical, pause.p50(), pause.p99(), pause.max(),
                runChecksums.isEmpty() ? "" : runChecksums.get(runChecksums.size() - 1), referenceChecksum, runChecksums.size(), steps,
                probeCalls, updatesPerBlock.size(), misaddressedRejected.stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(", ")),
                api == null ? 0 : api.updates(), api == null ? 0 : api.midRun(), api == null ? 0 : api.finishedFirst(),
                api == null ? 0 : api.restored(),
                api == null ? 0 : api.refreshed(), a.p50(), a.p99(), a.max(), problems.size());
    }
}
