package io.halcyon.launcher.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumer threads besides the workload, calling blocks under update in a loop and checking each
 * answer: a call that throws or answers wrongly is a failed call. They only read registers
 * without side effects, so the workload's results cannot depend on them.
 */
final class ProbeCallers implements AutoCloseable {

    /** One call and its check; throws on a wrong answer. */
    interface Probe {
        void call();
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    ProbeCallers(List<Probe> probes) {
        for (Probe probe : probes) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        probe.call();
                        calls.incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                }
            }, "soak-probe");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    long calls() {
        return calls.get();
    }

    long failures() {
        return failures.get();
    }

    Throwable firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
