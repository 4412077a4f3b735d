package io.halcyon.platform.verification;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.platform.chipmodel.remote.ChipClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Register transactions per second from Java against the reference chip's RTL in the simulator (blocking
 * reads, pipelined batched reads, posted writes), the simulator's own rate without a client (its --bench
 * loop), and the simulator's build time cold and cached. Run by run.sh (in the verification platform's
 * package, for its package-private build and process classes; not part of any build).
 *
 * <pre>java -cp JARS VerificationBenchmark.java SOURCES_DIR CACHE_DIR RUN_DIR TRANSACTIONS</pre>
 */
public final class VerificationBenchmark {

    private static final long SCRATCH = 0x0C;

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]), cache = Path.of(args[1]), run = Files.createDirectories(Path.of(args[2]));
        int n = Integer.parseInt(args[3]);
        SimulatorBuild.deleteTree(cache);
        SimulatorSources s = SimulatorSources.of(sources);
        SimulatorBuild.Built cold = SimulatorBuild.of(s, "reference_gen1", "apb4", cache);
        long start = System.nanoTime();
        SimulatorBuild.Built cached = SimulatorBuild.of(s, "reference_gen1", "apb4", cache);
        double cachedMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("build              cold %.1f s, cached %.1f ms (%s)%n", cold.buildMillis() / 1e3, cachedMs, cold.verilator());

        Process own = new ProcessBuilder(cached.executable().toString(), "--bench", String.valueOf(n), "0x0c").start();
        String ownLine = new String(own.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        own.waitFor();
        System.out.println("simulator alone    " + ownLine);

        try (SimulatorProcess sim = SimulatorProcess.start(cached.executable(), run.resolve("bench.sock"), run.resolve("bench.log"))) {
            ChipClient client = sim.client();
            RegisterBus bus = client.bus();
            for (int i = 0; i < 10_000; i++) {
                bus.read32(SCRATCH); // warm the JIT and the connection
            }
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                bus.read32(SCRATCH);
            }
            report("blocking reads", n, System.nanoTime() - start);
            long[] addresses = new long[4096];
            Arrays.fill(addresses, SCRATCH);
            int batches = Math.max(1, n / addresses.length);
            start = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                bus.read32(addresses);
            }
            report("pipelined reads", (long) batches * addresses.length, System.nanoTime() - start);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                bus.post32(SCRATCH, i);
            }
            bus.flush();
            report("posted writes", n, System.nanoTime() - start);
        }
    }

    private static void report(String what, long transactions, long nanos) {
        System.out.printf("%-18s %,d in %.3f s: %,.0f transactions/s%n", what, transactions, nanos / 1e9, transactions / (nanos / 1e9));
    }
}
