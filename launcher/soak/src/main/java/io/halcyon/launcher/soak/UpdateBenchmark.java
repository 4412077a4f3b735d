package io.halcyon.launcher.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * Throughput of consumer threads calling a block through its stable service, first with no
 * updates, then with one update of that block per second, and the pause each swap imposed.
 */
final class UpdateBenchmark {

    private final UpdateManager manager;
    private final DmaEngine dma;
    private final Bundle dmaBundle;

    UpdateBenchmark(UpdateManager manager, DmaEngine dma, Bundle dmaBundle) {
        this.manager = manager;
        this.dma = dma;
        this.dmaBundle = dmaBundle;
    }

    String run(int threads, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("halcyon-bench-versions-");
        Version base = dmaBundle.getVersion();
        List<Version> versions = new ArrayList<>();
        for (int i = 1; i <= seconds; i++) {
            versions.add(new Version(base.getMajor(), base.getMinor(), base.getMicro() + 100 + i));
        }
        List<Path> jars = new DriverVariants(dmaBundle).build(versions, Flavour.GOOD, dir);
        measure(threads, 1, List.of()); // warm-up
        double quiet = measure(threads, seconds, List.of());
        List<Long> pauses = new ArrayList<>();
        double updating = measure(threads, seconds, jars, pauses);
        Percentiles p = Percentiles.ofNanos(pauses);
        return String.format(Locale.ROOT, "%d consumer threads calling DmaEngine.status(0) through its stable service, %d s per phase%n"
                + "%-28s %14s %14s%n%-28s %14.0f %14.0f%n%-28s %14s %13.1f%%%n%-28s %14s %14s%n",
                threads, seconds, "", "no updates", "1 update/s", "calls/s", quiet, updating, "throughput vs no updates", "",
                100.0 * updating / quiet, "pause per swap p50/p99/max", "-",
                String.format(Locale.ROOT, "%.1f/%.1f/%.1f ms (%d swaps)", p.p50(), p.p99(), p.max(), p.count()));
    }

    private double measure(int threads, int seconds, List<Path> jars) throws Exception {
        return measure(threads, seconds, jars, new ArrayList<>());
    }

    /** Calls per second over {@code seconds}, updating the DMA bundle once a second from {@code jars} if any. */
    private double measure(int threads, int seconds, List<Path> jars, List<Long> pauses) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder calls = new LongAdder();
        LongAdder failures = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        dma.status(0);
                        calls.increment();
                    } catch (RuntimeException e) {
                        failures.increment();
                    }
                }
            }, "bench-consumer-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (int s = 0; s < seconds; s++) {
            long due = start + (s + 1) * 1_000_000_000L;
            if (!jars.isEmpty()) {
                UpdateRecord r = manager.update(dmaBundle.getSymbolicName(), jars.get(s), "benchmark");
                if (r.outcome() != Outcome.UPDATED) {
                    throw new IllegalStateException("benchmark update failed: " + r.summary());
                }
                pauses.add(r.pauseNanos());
            }
            long left = due - System.nanoTime();
            if (left > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000)); // pacing the operator's side, not a driver
            }
        }
        running.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (Thread t : workers) {
            t.join(10_000);
        }
        if (failures.sum() > 0) {
            throw new IllegalStateException(failures.sum() + " consumer calls failed during the benchmark");
        }
        return calls.sum() / elapsed;
    }
}
