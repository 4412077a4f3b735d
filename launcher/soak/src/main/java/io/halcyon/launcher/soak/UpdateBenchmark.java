package io.halcyon.launcher.soak;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * Throughput of consumer threads calling a block through its stable service with no updates and
 * with one update of that block per second, and the pause each swap imposed. The two kinds of phase
 * alternate (quiet, updating, quiet, updating, ...) so that both see the same background load: on a
 * shared machine another build starting halfway would otherwise decide the ratio. Besides calls,
 * each phase records where CPU went that the consumers did not get: JIT compilation (new versions
 * are new classes, compiled again) and the updater's own work.
 */
final class UpdateBenchmark {

    private final UpdateManager manager;
    private final DmaEngine dma;
    private final Bundle dmaBundle;
    private final Path dir;

    /** @param dir where the versions' jars are written */
    UpdateBenchmark(UpdateManager manager, DmaEngine dma, Bundle dmaBundle, Path dir) {
        this.manager = manager;
        this.dma = dma;
        this.dmaBundle = dmaBundle;
        this.dir = dir;
    }

    /** What one phase measured. */
    private record Phase(long calls, double seconds, long longestCallNanos, long jitMillis, long updaterCpuNanos) {
        double callsPerSecond() {
            return calls / seconds;
        }
    }

    String run(int threads, int seconds, int rounds) throws Exception {
        Version base = dmaBundle.getVersion();
        List<Version> versions = new ArrayList<>();
        for (int i = 1; i <= seconds * rounds; i++) {
            versions.add(new Version(base.getMajor(), base.getMinor(), base.getMicro() + 100 + i));
        }
        Iterator<Path> jars = new DriverVariants(dmaBundle).build(versions, Flavour.GOOD, dir).iterator();
        measure(threads, 1, null, new ArrayList<>()); // warm-up
        List<Phase> quiet = new ArrayList<>();
        List<Phase> updating = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            quiet.add(measure(threads, seconds, null, pauses));
            updating.add(measure(threads, seconds, jars, pauses));
        }
        return report(threads, seconds, quiet, updating, Percentiles.ofNanos(pauses));
    }

    private static String report(int threads, int seconds, List<Phase> quiet, List<Phase> updating, Percentiles p) {
        Phase q = total(quiet);
        Phase u = total(updating);
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int i = 0; i < quiet.size(); i++) {
            double ratio = updating.get(i).callsPerSecond() / quiet.get(i).callsPerSecond();
            lowest = Math.min(lowest, ratio);
            highest = Math.max(highest, ratio);
        }
        String row = "%-30s %14s %14s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d consumer threads calling DmaEngine.status(0) through its stable service; "
                + "%d rounds of %d s quiet, then %d s with 1 update/s%n", threads, quiet.size(), seconds, seconds));
        out.append(String.format(Locale.ROOT, row, "", "no updates", "1 update/s"));
        out.append(String.format(Locale.ROOT, "%-30s %14.0f %14.0f%n", "calls/s", q.callsPerSecond(), u.callsPerSecond()));
        out.append(String.format(Locale.ROOT, "%-30s %14s %13.1f%%%n", "throughput vs no updates", "",
                100.0 * u.callsPerSecond() / q.callsPerSecond()));
        out.append(String.format(Locale.ROOT, row, "  per round (lowest-highest)", "",
                String.format(Locale.ROOT, "%.1f-%.1f%%", 100 * lowest, 100 * highest)));
        out.append(String.format(Locale.ROOT, row, "pause per swap p50/p99/max", "-",
                String.format(Locale.ROOT, "%.1f/%.1f/%.1f ms (%d swaps)", p.p50(), p.p99(), p.max(), p.count())));
        out.append(String.format(Locale.ROOT, row, "longest single call", millis(q.longestCallNanos()), millis(u.longestCallNanos())));
        out.append(String.format(Locale.ROOT, row, "JIT compiling, ms per s", perSecond(q.jitMillis(), q), perSecond(u.jitMillis(), u)));
        out.append(String.format(Locale.ROOT, row, "updater CPU, ms per s", "-", perSecond(u.updaterCpuNanos() / 1_000_000, u)));
        return out.toString();
    }

    private static Phase total(List<Phase> phases) {
        long calls = 0;
        double seconds = 0;
        long longest = 0;
        long jit = 0;
        long updater = 0;
        for (Phase p : phases) {
            calls += p.calls();
            seconds += p.seconds();
            longest = Math.max(longest, p.longestCallNanos());
            jit += p.jitMillis();
            updater += p.updaterCpuNanos();
        }
        return new Phase(calls, seconds, longest, jit, updater);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String perSecond(long millis, Phase p) {
        return String.format(Locale.ROOT, "%.0f", millis / p.seconds());
    }

    /** {@code seconds} of consumer calls, updating the DMA bundle once a second from {@code jars} when given. */
    private Phase measure(int threads, int seconds, Iterator<Path> jars, List<Long> pauses) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder calls = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAccumulator longest = new LongAccumulator(Math::max, 0);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                long mine = 0;
                while (running.get()) {
                    long t0 = System.nanoTime();
                    try {
                        dma.status(0);
                        calls.increment();
                    } catch (RuntimeException e) {
                        failures.increment();
                    }
                    mine = Math.max(mine, System.nanoTime() - t0);
                }
                longest.accumulate(mine);
            }, "bench-consumer-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        long jitBefore = jit.getTotalCompilationTime();
        long updaterCpu = 0;
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (int s = 0; s < seconds; s++) {
            long due = start + (s + 1) * 1_000_000_000L;
            if (jars != null) {
                long cpu0 = cpu.getCurrentThreadCpuTime();
                UpdateRecord r = manager.update(dmaBundle.getSymbolicName(), jars.next(), "benchmark");
                updaterCpu += cpu.getCurrentThreadCpuTime() - cpu0;
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
        return new Phase(calls.sum(), elapsed, longest.get(), jit.getTotalCompilationTime() - jitBefore, updaterCpu);
    }
}
