package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

import org.junit.Test;

public class StableServiceTest {

    private static final ContractKey KEY = new ContractKey(0, "test", List.of(IntUnaryOperator.class.getName()));
    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    private static IntUnaryOperator proxyOf(StableService s) {
        return (IntUnaryOperator) s.proxy();
    }

    @Test
    public void forwardsToTheCurrentDelegateAndRethrowsItsExceptions() {
        StableService s = new StableService(KEY, new Class<?>[] {IntUnaryOperator.class}, (IntUnaryOperator) x -> x + 1, WAIT);
        assertEquals(6, proxyOf(s).applyAsInt(5));
        s.resume((IntUnaryOperator) x -> {
            throw new IllegalArgumentException("bad " + x);
        });
        try {
            proxyOf(s).applyAsInt(7);
            throw new AssertionError("expected the delegate's exception");
        } catch (IllegalArgumentException e) {
            assertEquals("bad 7", e.getMessage());
        }
    }

    @Test
    public void quiesceWaitsForCallsInFlightAndHoldsNewOnesUntilResume() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StableService s = new StableService(KEY, new Class<?>[] {IntUnaryOperator.class}, (IntUnaryOperator) x -> {
            inside.countDown();
            await(release);
            return 1;
        }, WAIT);
        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> proxyOf(s).applyAsInt(0));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertFalse("a call in flight keeps the block from quiescing", s.quiesce(TimeUnit.MILLISECONDS.toNanos(50)));
        release.countDown();
        assertTrue("quiesced once the call returned", s.quiesce(WAIT));
        assertEquals(1, (int) inFlight.get(10, TimeUnit.SECONDS));
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> proxyOf(s).applyAsInt(0));
        assertFalse("a new call waits while quiesced", waitsDone(held));
        s.resume((IntUnaryOperator) x -> 2);
        assertEquals("the held call goes to the new delegate", 2, (int) held.get(10, TimeUnit.SECONDS));
    }

    /** Prints the per-call cost of the proxy against a direct call (for the report; not a pass/fail figure). */
    @Test
    public void perCallOverhead() {
        IntUnaryOperator direct = x -> x + 1;
        IntUnaryOperator proxy = proxyOf(new StableService(KEY, new Class<?>[] {IntUnaryOperator.class}, direct, WAIT));
        int n = 5_000_000;
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sum += direct.applyAsInt(i);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sum += proxy.applyAsInt(i);
            }
            long t2 = System.nanoTime();
            if (round == 2) {
                System.out.printf("stable-service call: %.1f ns, direct %.1f ns, overhead %.1f ns%n", (t2 - t1) / (double) n,
                        (t1 - t0) / (double) n, ((t2 - t1) - (t1 - t0)) / (double) n);
            }
        }
        assertEquals("both paths computed the same values", 3L * 2 * ((long) n * (n - 1) / 2 + n), sum);
    }

    /** Two warm delegates of different classes, so a switch changes the receiver class the JIT saw. */
    private static final class Even implements IntUnaryOperator {
        @Override
        public int applyAsInt(int x) {
            return work(x);
        }
    }

    private static final class Odd implements IntUnaryOperator {
        @Override
        public int applyAsInt(int x) {
            return work(x);
        }
    }

    /** About a microsecond of arithmetic, the order of a driver call on the emulated chip. */
    private static int work(int x) {
        int h = x;
        for (int i = 0; i < 200; i++) {
            h = h * 31 + i;
        }
        return h;
    }

    /**
     * Prints what switching between two warm, already compiled delegates costs consumers, with no new
     * classes involved: four threads call through the proxy, in alternating windows with no switch and
     * with a switch (quiesce, resume on the other delegate) every 100 ms. What this leaves out of the
     * live-update benchmark's loss is the JIT compiling each new version's classes.
     */
    @Test
    public void switchingBetweenWarmDelegates() throws Exception {
        IntUnaryOperator[] delegates = {new Even(), new Odd()};
        StableService s = new StableService(KEY, new Class<?>[] {IntUnaryOperator.class}, delegates[0], WAIT);
        IntUnaryOperator proxy = proxyOf(s);
        int expected = work(7);
        long[] totals = new long[2];
        int switches = 0;
        for (int round = 0; round < 4; round++) {
            for (int mode = 0; mode < 2; mode++) {
                java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
                java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();
                java.util.concurrent.atomic.LongAdder wrong = new java.util.concurrent.atomic.LongAdder();
                List<Thread> threads = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Thread thread = new Thread(() -> {
                        while (running.get()) {
                            if (proxy.applyAsInt(7) != expected) {
                                wrong.increment();
                            }
                            calls.increment();
                        }
                    });
                    thread.start();
                    threads.add(thread);
                }
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                for (int tick = 0; System.nanoTime() < end; tick++) {
                    Thread.sleep(100); // the switching side's pace, as an operator's update rate
                    if (mode == 1) {
                        assertTrue(s.quiesce(WAIT));
                        s.resume(delegates[++switches % 2]);
                    }
                }
                running.set(false);
                for (Thread thread : threads) {
                    thread.join(10_000);
                }
                assertEquals("wrong answers through the proxy", 0, wrong.sum());
                if (round > 0) {
                    totals[mode] += calls.sum(); // round 0 warms both delegates
                }
            }
        }
        assertTrue("calls were made in both modes", totals[0] > 0 && totals[1] > 0);
        System.out.printf("warm delegate switch every 100 ms: %.1f%% of the calls without switching (%d switches)%n",
                100.0 * totals[1] / totals[0], switches);
    }

    private static boolean waitsDone(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(100, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
