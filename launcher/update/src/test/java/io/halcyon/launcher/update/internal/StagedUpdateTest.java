package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

import io.halcyon.launcher.update.internal.StagedUpdate.State;

/**
 * The staged update's rules, on the real stable services and staging area over a fake framework:
 * the staged drivers serve no call before the switch, the switch moves every caller at once, and
 * whatever fails before it leaves the running version as it was.
 */
public class StagedUpdateTest {

    private static final String BSN = "io.halcyon.block.test";
    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);
    private static final long SHORT = TimeUnit.MILLISECONDS.toNanos(50);
    private static final ContractKey KEY = new ContractKey(0, "test", List.of(IntUnaryOperator.class.getName()));

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> log = new ArrayList<>();
    private FakeFramework framework;
    private StableServices stable;
    private StagedBundles staging;
    private Bundle running;
    private IntUnaryOperator consumerView;

    @Before
    public void runningVersionServes() throws Exception {
        framework = new FakeFramework(folder.getRoot().toPath());
        stable = new StableServices(framework.context(), new DriverServices(framework.manager()), WAIT, log::add);
        framework.tracker(stable);
        staging = new StagedBundles(framework.context(), log::add);
        running = framework.installed(BSN, "1.0.0");
        framework.registerDriver(running, "test", (IntUnaryOperator) x -> x + 1, IntUnaryOperator.class);
        consumerView = onlyStableService();
        assertEquals(6, consumerView.applyAsInt(5));
    }

    private StagedUpdate stageNext() throws Exception {
        return StagedUpdate.install(FakeFramework.jar(BSN, "1.0.1"), stable.servedBy(running), staging, stable);
    }

    private void nextVersionRegisters(Object driver) {
        framework.onStart(bundle -> framework.registerDriver(bundle, "test", driver, IntUnaryOperator.class));
    }

    private IntUnaryOperator onlyStableService() {
        List<Object> services = framework.registered(IntUnaryOperator.class);
        assertEquals("one stable service for the contract: " + services, 1, services.size());
        return (IntUnaryOperator) services.get(0);
    }

    @Test
    public void stagedDriversServeNoCallUntilTheSwitchWhichMovesEveryCaller() throws Exception {
        nextVersionRegisters((IntUnaryOperator) x -> x + 2);
        StagedUpdate update = stageNext();
        assertEquals(State.STAGED, update.state());
        assertTrue("the staged version is a bundle of its own", update.bundle().getBundleId() != running.getBundleId());

        update.start();
        assertEquals("a staged driver is no consumer's yet", 6, consumerView.applyAsInt(5));
        Map<ContractKey, Driver> drivers = update.awaitDrivers(WAIT);
        assertEquals(State.READY, update.state());
        assertEquals(List.of(KEY), List.copyOf(drivers.keySet()));
        assertEquals("the health gate runs beside the old driver", 6, consumerView.applyAsInt(5));

        assertEquals("the stable service names the running driver", running.getVersion().toString(),
                framework.properties(IntUnaryOperator.class).get(StableServices.DRIVER_VERSION));
        PhaseTimes phases = new PhaseTimes();
        long pause = update.switchOver(WAIT, phases);
        assertEquals(State.SERVING, update.state());
        assertEquals("the same stable service now calls the new driver", 7, consumerView.applyAsInt(5));
        assertEquals("and names it (what hal:wiring shows and a pin filters on)", "1.0.1",
                framework.properties(IntUnaryOperator.class).get(StableServices.DRIVER_VERSION));
        assertEquals(BSN, framework.properties(IntUnaryOperator.class).get(StableServices.DRIVER_BUNDLE));
        assertSame(consumerView, onlyStableService());
        assertTrue("pause " + pause, pause > 0);
        assertTrue(phases.toString(), phases.toString().matches("phases ms: drain [0-9.]+, switch [0-9.]+"));

        staging.retire(running, "replaced");
        assertEquals(Bundle.UNINSTALLED, running.getState());
        assertEquals("the replaced version leaves without taking the stable service", 7, onlyStableService().applyAsInt(5));
        assertEquals(List.of(), log);
    }

    @Test
    public void aDriverArrivingWhileTheUpdaterWaitsWakesIt() throws Exception {
        StagedUpdate update = stageNext();
        update.start();
        CompletableFuture<Map<ContractKey, Driver>> arrived = new CompletableFuture<>();
        Thread updater = new Thread(() -> {
            try {
                arrived.complete(update.awaitDrivers(WAIT));
            } catch (Exception | AssertionError e) {
                arrived.completeExceptionally(e);
            }
        });
        updater.start();
        awaitTimedWaiting(updater);
        framework.registerDriver(update.bundle(), "test", (IntUnaryOperator) x -> x + 2, IntUnaryOperator.class);
        assertEquals(List.of(KEY), List.copyOf(arrived.get(10, TimeUnit.SECONDS).keySet()));
        assertEquals(State.READY, update.state());
    }

    @Test
    public void aDriverWhoseComponentFailedFailsTheWaitAndDiscardLeavesTheRunningVersion() throws Exception {
        nextVersionRegisters(null);
        StagedUpdate update = stageNext();
        Path stagedJar = Path.of(java.net.URI.create(update.bundle().getLocation()));
        assertTrue(Files.isRegularFile(stagedJar));
        update.start();
        UpdateFailure failure = assertThrows(UpdateFailure.class, () -> update.awaitDrivers(WAIT));
        assertEquals("driver " + KEY + " did not activate (its component failed; see the log)", failure.getMessage());
        assertEquals(State.STAGED, update.state());

        update.discard();
        assertEquals(State.DISCARDED, update.state());
        assertEquals(Bundle.UNINSTALLED, update.bundle().getState());
        assertFalse("the staged copy goes with its bundle", Files.exists(stagedJar));
        assertEquals(6, onlyStableService().applyAsInt(5));
        assertEquals(Bundle.INSTALLED, running.getState());
    }

    @Test
    public void aContractWithoutANewDriverFailsTheWaitAfterItsBound() throws Exception {
        StagedUpdate update = stageNext();
        update.start();
        UpdateFailure failure = assertThrows(UpdateFailure.class, () -> update.awaitDrivers(SHORT));
        assertEquals("no new driver for [" + KEY + "] within 50 ms", failure.getMessage());
        update.discard();
        assertEquals(6, consumerView.applyAsInt(5));
    }

    /**
     * The running version also serves an {@link IntBinaryOperator} contract of the same block whose
     * calls with 6 as first operand stay in flight until released; the next version serves both
     * contracts and the update is READY.
     */
    private final class StuckCall {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final IntBinaryOperator view;
        final StagedUpdate update;

        StuckCall() throws Exception {
            framework.registerDriver(running, "test", (IntBinaryOperator) (a, b) -> {
                if (a == 6) {
                    inside.countDown();
                    await(release);
                }
                return a * b;
            }, IntBinaryOperator.class);
            view = (IntBinaryOperator) framework.registered(IntBinaryOperator.class).get(0);
            framework.onStart(bundle -> {
                framework.registerDriver(bundle, "test", (IntUnaryOperator) x -> x + 2, IntUnaryOperator.class);
                framework.registerDriver(bundle, "test", (IntBinaryOperator) (a, b) -> a + b, IntBinaryOperator.class);
            });
            update = stageNext();
            update.start();
            update.awaitDrivers(WAIT);
        }

        /** Starts the call that stays in flight; returns once it is inside the running driver. */
        CompletableFuture<Integer> start() throws InterruptedException {
            CompletableFuture<Integer> call = CompletableFuture.supplyAsync(() -> view.applyAsInt(6, 7));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            return call;
        }

        /** Neither contract holds its callers, and both still reach the running version. */
        void assertCallersReachTheRunningVersion() {
            assertEquals(6, consumerView.applyAsInt(5));
            assertEquals(6, view.applyAsInt(2, 3));
        }
    }

    /**
     * The running version also drives chip 1 (x + 100), where a call with 6 stays in flight until
     * released; the next version serves both chips (chip 0 x + 2, chip 1 x + 200) and is READY.
     */
    /**
     * A thread per caller: the common pool may have a single worker on a 2-core machine (and newer JDKs run
     * supplyAsync there even then), which the call held in flight on chip 1 would occupy.
     */
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @After
    public void stopCallers() {
        callers.shutdownNow();
    }

    private final class TwoChips {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final IntUnaryOperator chip1;
        final StagedUpdate update;

        TwoChips() throws Exception {
            framework.registerDriver(running, 1, "test", (IntUnaryOperator) x -> {
                if (x == 6) {
                    inside.countDown();
                    await(release);
                }
                return x + 100;
            }, IntUnaryOperator.class);
            List<Object> views = framework.registered(IntUnaryOperator.class);
            assertEquals("a stable service per chip: " + views, 2, views.size());
            chip1 = (IntUnaryOperator) views.get(views.get(0) == consumerView ? 1 : 0);
            assertEquals(105, chip1.applyAsInt(5));
            framework.onStart(bundle -> {
                framework.registerDriver(bundle, 0, "test", (IntUnaryOperator) x -> x + 2, IntUnaryOperator.class);
                framework.registerDriver(bundle, 1, "test", (IntUnaryOperator) x -> x + 200, IntUnaryOperator.class);
            });
            update = stageNext();
            update.start();
            assertEquals(2, update.awaitDrivers(WAIT).size());
        }

        /** Starts chip 1's call that stays in flight; returns once it is inside the running driver. */
        CompletableFuture<Integer> stuckOnChip1() throws InterruptedException {
            CompletableFuture<Integer> call = CompletableFuture.supplyAsync(() -> chip1.applyAsInt(6), callers);
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            return call;
        }
    }

    /** Issue 15: a live update swaps every chip's driver, and each chip's callers wait for their own drain only. */
    @Test
    public void eachChipsCallersWaitForTheirOwnChipsDrainOnly() throws Exception {
        TwoChips chips = new TwoChips();
        CompletableFuture<Integer> inFlight = chips.stuckOnChip1();
        CompletableFuture<Long> switching = new CompletableFuture<>();
        PhaseTimes phases = new PhaseTimes();
        Thread updater = new Thread(() -> {
            try {
                switching.complete(chips.update.switchOver(WAIT, phases));
            } catch (Exception e) {
                switching.completeExceptionally(e);
            }
        });
        updater.start();
        awaitTimedWaiting(updater); // the one thing it can wait for: chip 1's call in flight
        assertEquals("chip 0 switched, not held while chip 1 drains", 7,
                (int) CompletableFuture.supplyAsync(() -> consumerView.applyAsInt(5), callers).get(10, TimeUnit.SECONDS));
        assertFalse("chip 1 is still draining", switching.isDone());
        chips.release.countDown();
        assertEquals("the call in flight ended on the running version", 106, (int) inFlight.get(10, TimeUnit.SECONDS));
        long pause = switching.get(10, TimeUnit.SECONDS);
        assertTrue("pause " + pause, pause > 0);
        assertEquals(State.SERVING, chips.update.state());
        assertEquals(205, chips.chip1.applyAsInt(5));
        assertEquals(7, consumerView.applyAsInt(5));
        assertTrue(phases.toString(),
                phases.toString().matches("phases ms: drain chip 0 [0-9.]+, switch chip 0 [0-9.]+, drain chip 1 [0-9.]+, switch chip 1 [0-9.]+"));
    }

    /** A chip that cannot drain undoes the chips switched before it: the update changed nothing and may be discarded. */
    @Test
    public void aChipThatCannotDrainSwitchesTheEarlierChipsBack() throws Exception {
        TwoChips chips = new TwoChips();
        CompletableFuture<Integer> inFlight = chips.stuckOnChip1();
        UpdateFailure failure = assertThrows(UpdateFailure.class, () -> chips.update.switchOver(SHORT, new PhaseTimes()));
        assertEquals("calls to test IntUnaryOperator of chip 1 still in flight after 50 ms", failure.getMessage());
        assertEquals("nothing changed", State.READY, chips.update.state());
        assertEquals("chip 0 back on the running version", 6, consumerView.applyAsInt(5));
        chips.release.countDown();
        assertEquals(106, (int) inFlight.get(10, TimeUnit.SECONDS));
        assertEquals(105, chips.chip1.applyAsInt(5));
        chips.update.discard();
        assertEquals(6, consumerView.applyAsInt(5));
    }

    @Test
    public void callsInFlightThatDoNotReturnLeaveEverythingAsItWas() throws Exception {
        StuckCall stuck = new StuckCall();
        CompletableFuture<Integer> inFlight = stuck.start();
        UpdateFailure failure = assertThrows(UpdateFailure.class, () -> stuck.update.switchOver(SHORT, new PhaseTimes()));
        assertEquals("calls to test IntBinaryOperator of chip 0 still in flight after 50 ms", failure.getMessage());
        assertEquals("nothing changed", State.READY, stuck.update.state());
        stuck.assertCallersReachTheRunningVersion();
        stuck.release.countDown();
        assertEquals(42, (int) inFlight.get(10, TimeUnit.SECONDS));
        stuck.update.discard();
        stuck.assertCallersReachTheRunningVersion();
    }

    @Test
    public void anUpdaterInterruptedWhileDrainingLetsTheCallersGo() throws Exception {
        StuckCall stuck = new StuckCall();
        CompletableFuture<Integer> inFlight = stuck.start();
        CompletableFuture<Throwable> switching = new CompletableFuture<>();
        Thread updater = new Thread(() -> {
            try {
                stuck.update.switchOver(WAIT, new PhaseTimes());
                switching.complete(null);
            } catch (Exception e) {
                switching.complete(e);
            }
        });
        updater.start();
        awaitTimedWaiting(updater);
        updater.interrupt();
        assertTrue(String.valueOf(switching.get(10, TimeUnit.SECONDS)), switching.get() instanceof InterruptedException);
        assertEquals("nothing changed", State.READY, stuck.update.state());
        stuck.assertCallersReachTheRunningVersion();
        stuck.release.countDown();
        assertEquals(42, (int) inFlight.get(10, TimeUnit.SECONDS));
    }

    @Test
    public void aContractOnlyTheNewVersionOffersGetsItsStableServiceAtTheSwitch() throws Exception {
        framework.onStart(bundle -> {
            framework.registerDriver(bundle, "test", (IntUnaryOperator) x -> x + 2, IntUnaryOperator.class);
            framework.registerDriver(bundle, "test", (IntBinaryOperator) (a, b) -> a * b, IntBinaryOperator.class);
        });
        StagedUpdate update = stageNext();
        update.start();
        assertEquals(2, update.awaitDrivers(WAIT).size());
        assertEquals("not before the switch", List.of(), framework.registered(IntBinaryOperator.class));
        update.switchOver(WAIT, new PhaseTimes());
        List<Object> added = framework.registered(IntBinaryOperator.class);
        assertEquals(1, added.size());
        assertEquals(42, ((IntBinaryOperator) added.get(0)).applyAsInt(6, 7));
    }

    @Test
    public void operationsOutOfTurnAreRefused() throws Exception {
        nextVersionRegisters((IntUnaryOperator) x -> x + 2);
        StagedUpdate update = stageNext();
        assertRefused(() -> update.switchOver(WAIT, new PhaseTimes()), "cannot switch over to a staged update that is STAGED");
        assertRefused(update::drivers, "cannot read the drivers of a staged update that is STAGED");
        update.start();
        update.awaitDrivers(WAIT);
        assertRefused(update::start, "cannot start a staged update that is READY");
        assertRefused(() -> update.awaitDrivers(WAIT), "cannot wait for the drivers of a staged update that is READY");
        update.switchOver(WAIT, new PhaseTimes());
        assertRefused(update::discard, "cannot discard a staged update that is SERVING");
        assertRefused(() -> update.switchOver(WAIT, new PhaseTimes()), "cannot switch over to a staged update that is SERVING");
        assertEquals("a refused discard changed nothing", Bundle.ACTIVE, update.bundle().getState());
        assertEquals(7, consumerView.applyAsInt(5));
    }

    @Test
    public void aDiscardedUpdateIsOver() throws Exception {
        StagedUpdate update = stageNext();
        update.discard();
        assertRefused(update::start, "cannot start a staged update that is DISCARDED");
        assertRefused(() -> update.awaitDrivers(WAIT), "cannot wait for the drivers of a staged update that is DISCARDED");
        assertRefused(update::discard, "cannot discard a staged update that is DISCARDED");
        assertEquals(6, onlyStableService().applyAsInt(5));
    }

    private static void assertRefused(ThrowingRunnable step, String message) {
        String refusal = assertThrows(IllegalStateException.class, step).getMessage();
        assertTrue(refusal, refusal.startsWith(message + " (" + BSN));
    }

    /** Until {@code thread} waits with a timeout (the updater in a bounded wait). */
    private static void awaitTimedWaiting(Thread thread) {
        long deadline = System.nanoTime() + WAIT;
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(thread + " never started waiting", System.nanoTime() < deadline);
            Thread.onSpinWait();
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
