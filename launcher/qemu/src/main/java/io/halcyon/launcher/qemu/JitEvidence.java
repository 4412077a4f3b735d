package io.halcyon.launcher.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Whether the access path ran as each run says, from the JVMs' PrintCompilation lines: in the interpreted
 * run no method of the access path was compiled, neither the production platform's nor the JDK's that
 * issue its loads and stores ({@link GuestScript#ACCESS_LEAVES}; native methods' wrappers aside, which are
 * not Java code); in the compiled run the bus's read32 and write32 had C2 (tier 4) code before the
 * compiled phases began that was not discarded (deoptimised) before they ended, and the benchmark's HAL
 * loops had C2 code before its timed rounds began that was not discarded afterwards (what the benchmark
 * compares with the C loop is compiled code), and so in the untraced run's benchmark. Both use -Xbatch, so a compilation that started
 * had finished before the thread that asked for it went on.
 */
final class JitEvidence {

    static final List<String> ACCESS_PATH = List.of("io.halcyon.platform.production.ProductionBus::read32",
            "io.halcyon.platform.production.ProductionBus::write32");
    static final List<String> BENCH_LOOPS = List.of("io.halcyon.platform.production.AccessBenchmark::halWrites",
            "io.halcyon.platform.production.AccessBenchmark::halReads");

    private JitEvidence() {
    }

    static List<HitlReport.Check> checks(GuestOutput guest) {
        List<HitlReport.Check> checks = new ArrayList<>();
        // The native methods' wrappers (Unsafe.putInt's, or the JNI library's) are what shows the log was there
        // and read: without any line of the run, "nothing compiled" would have checked nothing.
        List<GuestOutput.Compilation> inInterpreted = guest.compilations().stream()
                .filter(c -> c.run().equals(GuestScript.INTERPRETED)).toList();
        List<GuestOutput.Compilation> interpreted = inInterpreted.stream().filter(c -> !c.nativeWrapper()).toList();
        checks.add(new HitlReport.Check("interpreted run: no method of the access path compiled (the platform's, or the JDK's load and store)",
                !inInterpreted.isEmpty() && interpreted.isEmpty(), inInterpreted.isEmpty()
                        ? "no PrintCompilation line of the access path from that run (no native method's wrapper either)"
                        : interpreted.isEmpty() ? "" : interpreted.get(0).method()));
        // The last accesses run of the compiled JVM is the compiled phases: its start and end.
        List<Map<String, String>> runs = guest.records("uptimeMs").stream().filter(r -> r.get("run").equals(GuestScript.COMPILED)).toList();
        List<Map<String, String>> ends = guest.records("phasesEndUptimeMs").stream()
                .filter(r -> r.get("run").equals(GuestScript.COMPILED)).toList();
        long start = runs.isEmpty() ? -1 : Long.parseLong(runs.get(runs.size() - 1).get("uptimeMs"));
        long end = ends.isEmpty() ? -1 : Long.parseLong(ends.get(ends.size() - 1).get("phasesEndUptimeMs"));
        List<GuestOutput.Compilation> compiled = guest.compilations().stream().filter(c -> c.run().equals(GuestScript.COMPILED)).toList();
        for (String method : ACCESS_PATH) {
            boolean ran = compiled.stream().anyMatch(c -> c.method().equals(method) && c.tier() == 4 && !c.discarded()
                    && c.uptimeMs() < start && compiled.stream().noneMatch(
                            d -> d.id() == c.id() && d.discarded() && d.uptimeMs() <= end));
            checks.add(new HitlReport.Check("compiled run: " + method + " ran as C2 code throughout the compiled phases",
                    start >= 0 && ran, "phases " + start + "-" + end + " ms; tier-4 events: " + compiled.stream()
                            .filter(c -> c.method().equals(method) && c.tier() == 4)
                            .map(c -> c.uptimeMs() + (c.discarded() ? " discarded" : " compiled")).toList()));
        }
        for (String run : List.of(GuestScript.COMPILED, GuestScript.UNTRACED)) {
            List<Map<String, String>> bench = guest.records("timedFromUptimeMs").stream().filter(r -> r.get("run").equals(run)).toList();
            long timed = bench.isEmpty() ? -1 : Long.parseLong(bench.get(bench.size() - 1).get("timedFromUptimeMs"));
            List<GuestOutput.Compilation> inRun = guest.compilations().stream().filter(c -> c.run().equals(run)).toList();
            for (String method : BENCH_LOOPS) {
                boolean ran = inRun.stream().anyMatch(c -> c.method().equals(method) && c.tier() == 4 && !c.discarded()
                        && c.uptimeMs() <= timed && inRun.stream().noneMatch(d -> d.id() == c.id() && d.discarded()));
                checks.add(new HitlReport.Check(run + " run: the benchmark's " + method + " ran as C2 code in its timed rounds",
                        timed >= 0 && ran, "timed from " + timed + " ms; tier-4 events: " + inRun.stream()
                                .filter(c -> c.method().equals(method) && c.tier() == 4)
                                .map(c -> c.uptimeMs() + (c.discarded() ? " discarded" : " compiled")).toList()));
            }
        }
        return checks;
    }
}
