package io.halcyon.platform.verification;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.platform.chipmodel.remote.ChipClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per bus (APB4, AXI4-Lite): register transactions per second from Java against the reference chip's RTL in
 * the simulator (blocking reads, pipelined batched reads, posted writes), the simulator's own rate without a
 * client (its --bench loop of blocking reads and its --bench-batch loop of batches), and the simulator's
 * build time cold and cached; each rate the best of three runs. Run by run.sh (not part of any build).
 *
 * <pre>java -cp JARS VerificationBenchmark.java SOURCES_DIR CACHE_DIR RUN_DIR TRANSACTIONS</pre>
 */
public final class VerificationBenchmark {

    private static final long SCRATCH = 0x0C;

    /** Each rate is the best of this many runs: the machine is shared, and a run that lost the CPU says nothing about the code. */
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]), cache = Path.of(args[1]), run = Files.createDirectories(Path.of(args[2]));
        int n = Integer.parseInt(args[3]);
        SimulatorBuild.deleteTree(cache);
        SimulatorSources s = SimulatorSources.of(sources);
        for (String bus : new String[] {"apb4", "axi4-lite"}) {
            SimulatorBuild.Built cold = SimulatorBuild.of(s, "reference_gen1", bus, cache);
            long start = System.nanoTime();
            SimulatorBuild.Built cached = SimulatorBuild.of(s, "reference_gen1", bus, cache);
            double cachedMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("%s: build cold %.1f s, cached %.1f ms (%s); rates best of %d%n", bus, cold.buildMillis() / 1e3, cachedMs,
                    cold.verilator(), RUNS);
            System.out.println("  simulator alone, blocking    " + own(cached, "--bench", n));
            System.out.println("  simulator alone, batched     " + own(cached, "--bench-batch", n));
            try (SimulatorProcess sim = SimulatorProcess.start(cached.executable(), run.resolve("bench.sock"), run.resolve("bench.log"))) {
                ChipClient client = sim.client();
                RegisterBus bus32 = client.bus();
                for (int i = 0; i < 10_000; i++) {
                    bus32.read32(SCRATCH); // warm the JIT and the connection
                }
                long[] addresses = new long[4096];
                Arrays.fill(addresses, SCRATCH);
                int batches = Math.max(1, n / addresses.length);
                long blocking = Long.MAX_VALUE, pipelined = Long.MAX_VALUE, posted = Long.MAX_VALUE;
                for (int r = 0; r < RUNS; r++) {
                    start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        bus32.read32(SCRATCH);
                    }
                    blocking = Math.min(blocking, System.nanoTime() - start);
                    start = System.nanoTime();
                    for (int i = 0; i < batches; i++) {
                        bus32.read32(addresses);
                    }
                    pipelined = Math.min(pipelined, System.nanoTime() - start);
                    start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        bus32.post32(SCRATCH, i);
                    }
                    bus32.flush();
                    posted = Math.min(posted, System.nanoTime() - start);
                }
                report("Java, blocking reads", n, blocking);
                report("Java, pipelined reads", (long) batches * addresses.length, pipelined);
                report("Java, posted writes", n, posted);
            }
        }
    }

    /** The simulator's own loop (no client), best of RUNS: {@code --bench} (blocking) or {@code --bench-batch} (as a pipelined batch runs). */
    private static String own(SimulatorBuild.Built built, String mode, int n) throws Exception {
        String best = null;
        double bestRate = 0;
        for (int r = 0; r < RUNS; r++) {
            Process own = new ProcessBuilder(built.executable().toString(), mode, String.valueOf(n), "0x0c").start();
            String line = new String(own.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            own.waitFor();
            Matcher m = Pattern.compile("(\\d+) transactions/s").matcher(line);
            double rate = m.find() ? Double.parseDouble(m.group(1)) : 0;
            if (best == null || rate > bestRate) {
                best = line;
                bestRate = rate;
            }
        }
        return best;
    }

    private static void report(String what, long transactions, long nanos) {
        System.out.printf("  %-27s %,d in %.3f s: %,.0f transactions/s%n", what, transactions, nanos / 1e9, transactions / (nanos / 1e9));
    }
}
