package io.halcyon.platform.verification;

import io.halcyon.hal.api.bus.RegisterBus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per bus (APB4, AXI4-Lite): register transactions per second from Java against the reference chip's RTL in
 * the simulator (blocking reads, pipelined batched reads, posted writes), the simulator's own rate without a
 * client (its --bench loop of blocking reads and its --bench-batch loop of batches) for the fast build and,
 * alternating with it, for the build with waveform support (--trace), and the simulator's build time cold and
 * cached; each rate the best of three runs. Run by run.sh (not part of any build).
 *
 * <pre>java -cp JARS VerificationBenchmark.java SOURCES_DIR CACHE_DIR RUN_DIR TRANSACTIONS [BEFORE_SOURCES_DIR]</pre>
 *
 * With BEFORE_SOURCES_DIR (the rtl/ and sim/ folders of an earlier commit), its simulator (the build without waves, as
 * this commit's fast build) is measured too, taking turns with the others: before and after in one run.
 */
public final class VerificationBenchmark {

    private static final long SCRATCH = 0x0C;

    /** Each rate is the best of this many runs: the machine is shared, and a run that lost the CPU says nothing about the code. */
    private static final int RUNS = 3;

    /** What each build is, in the order measured: the fast build, the build with waves, the earlier commit's. */
    private static final String[] WITH = {"", ", with waves", ", before"};

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]), cache = Path.of(args[1]), run = Files.createDirectories(Path.of(args[2]));
        int n = Integer.parseInt(args[3]);
        SimulatorBuild.deleteTree(cache);
        SimulatorSources s = SimulatorSources.of(sources);
        SimulatorSources before = args.length > 4 ? SimulatorSources.of(Path.of(args[4])) : null;
        for (String bus : new String[] {"apb4", "axi4-lite"}) {
            SimulatorBuild.Built cold = SimulatorBuild.of(s, "reference_gen1", bus, cache);
            long start = System.nanoTime();
            SimulatorBuild.Built cached = SimulatorBuild.of(s, "reference_gen1", bus, cache);
            double cachedMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("%s: build cold %.1f s, cached %.1f ms (%s); rates best of %d%n", bus, cold.buildMillis() / 1e3, cachedMs,
                    cold.verilator(), RUNS);
            SimulatorBuild.Built traced = SimulatorBuild.of(s, "reference_gen1", bus, cache, true);
            System.out.printf("  build with waves (--trace) cold %.1f s%n", traced.buildMillis() / 1e3);
            SimulatorBuild.Built[] builds = before == null ? new SimulatorBuild.Built[] {cached, traced}
                    : new SimulatorBuild.Built[] {cached, traced, SimulatorBuild.of(before, "reference_gen1", bus, cache)};
            if (before != null) {
                System.out.printf("  build before cold %.1f s%n", builds[2].buildMillis() / 1e3);
            }
            for (String mode : new String[] {"--bench", "--bench-batch"}) {
                String[] best = own(builds, mode, n);
                String what = mode.equals("--bench") ? "blocking" : "batched ";
                for (int b = 0; b < builds.length; b++) {
                    System.out.printf("  simulator alone, %s%-13s %s%n", what, WITH[b], best[b]);
                }
            }
            // Java against both builds, their runs taking turns: [build][blocking, pipelined, posted] in ns, best of RUNS.
            long[][] best = new long[builds.length][3];
            for (long[] b : best) {
                Arrays.fill(b, Long.MAX_VALUE);
            }
            long[] addresses = new long[4096];
            Arrays.fill(addresses, SCRATCH);
            int batches = Math.max(1, n / addresses.length);
            for (int r = 0; r < RUNS; r++) {
                for (int b = 0; b < builds.length; b++) {
                    try (SimulatorProcess sim = SimulatorProcess.start(builds[b].executable(), run.resolve("bench.sock"), run.resolve("bench.log"))) {
                        RegisterBus bus32 = sim.client().bus();
                        for (int i = 0; i < 10_000; i++) {
                            bus32.read32(SCRATCH); // warm the JIT and the connection
                        }
                        start = System.nanoTime();
                        for (int i = 0; i < n; i++) {
                            bus32.read32(SCRATCH);
                        }
                        best[b][0] = Math.min(best[b][0], System.nanoTime() - start);
                        start = System.nanoTime();
                        for (int i = 0; i < batches; i++) {
                            bus32.read32(addresses);
                        }
                        best[b][1] = Math.min(best[b][1], System.nanoTime() - start);
                        start = System.nanoTime();
                        for (int i = 0; i < n; i++) {
                            bus32.post32(SCRATCH, i);
                        }
                        bus32.flush();
                        best[b][2] = Math.min(best[b][2], System.nanoTime() - start);
                    }
                }
            }
            for (int b = 0; b < builds.length; b++) {
                String with = WITH[b];
                report("Java, blocking reads" + with, n, best[b][0]);
                report("Java, pipelined reads" + with, (long) batches * addresses.length, best[b][1]);
                report("Java, posted writes" + with, n, best[b][2]);
            }
        }
    }

    /**
     * The simulators' own loop (no client), best of RUNS each, the builds taking turns: {@code --bench} (blocking) or
     * {@code --bench-batch} (as a pipelined batch runs).
     */
    private static String[] own(SimulatorBuild.Built[] builds, String mode, int n) throws Exception {
        String[] best = new String[builds.length];
        double[] bestRate = new double[builds.length];
        for (int r = 0; r < RUNS; r++) {
            for (int b = 0; b < builds.length; b++) {
                Process own = new ProcessBuilder(builds[b].executable().toString(), mode, String.valueOf(n), "0x0c").start();
                String line = new String(own.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                own.waitFor();
                Matcher m = Pattern.compile("(\\d+) transactions/s").matcher(line);
                double rate = m.find() ? Double.parseDouble(m.group(1)) : 0;
                if (best[b] == null || rate > bestRate[b]) {
                    best[b] = line;
                    bestRate[b] = rate;
                }
            }
        }
        return best;
    }

    private static void report(String what, long transactions, long nanos) {
        System.out.printf("  %-39s %,d in %.3f s: %,.0f transactions/s%n", what, transactions, nanos / 1e9, transactions / (nanos / 1e9));
    }
}
