package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * A new version of a block bundle installed beside the running version, from its installation until
 * it serves or is gone. It owns the staged bundle and the drivers that bundle registers: the stable
 * services hand those drivers here instead of to consumers, so none of them is called before the
 * switch.
 *
 * <pre>
 * STAGED --awaitDrivers--&gt; READY --switchOver--&gt; SERVING
 *   |                        |
 *   +--------discard---------+--&gt; DISCARDED
 * </pre>
 *
 * Everything up to {@link #switchOver} runs while the running version serves, its callers
 * untouched; whatever fails there ends in {@link #discard}. Only {@code switchOver} holds callers,
 * and if it cannot drain them it changes nothing and the update is still discardable.
 *
 * <p>Lock order: the stable services call {@link #arrived}/{@link #left} under their own lock, so
 * this object never calls them, or the framework, while it holds its own.
 */
final class StagedUpdate {

    enum State { STAGED, READY, SERVING, DISCARDED }

    private final Bundle bundle;
    private final JarImage image;
    private final List<StableService> replaced;
    private final Set<ContractKey> needed = new LinkedHashSet<>();
    private final StagedBundles staging;
    private final StableServices stable;
    private final Map<ContractKey, Driver> arrivals = new HashMap<>();
    /** Consumers whose pins hold the replaced version (it keeps serving them), by symbolic name. */
    private final Set<String> pinnedBy = new TreeSet<>();
    private Map<ContractKey, Driver> drivers = Map.of();
    private State state = State.STAGED;

    private StagedUpdate(Bundle bundle, JarImage image, List<StableService> replaced, StagedBundles staging, StableServices stable) {
        this.bundle = bundle;
        this.image = image;
        this.replaced = List.copyOf(replaced);
        replaced.forEach(s -> needed.add(s.key()));
        this.staging = staging;
        this.stable = stable;
    }

    /**
     * Installs {@code image} as a bundle of its own beside the running version, not started, and has
     * the stable services hand the drivers it will register to the returned update.
     *
     * @param replaced the stable services the running version serves: the new one must bring a driver
     *     for each of them, and they are the ones the switch holds
     */
    static StagedUpdate install(JarImage image, List<StableService> replaced, StagedBundles staging, StableServices stable)
            throws BundleException, UpdateFailure {
        StagedUpdate update = new StagedUpdate(staging.install(image), image, replaced, staging, stable);
        stable.route(update);
        return update;
    }

    Bundle bundle() {
        return bundle;
    }

    /** The stable services this update takes over, in the order they are quiesced. */
    List<StableService> replaced() {
        return replaced;
    }

    synchronized State state() {
        return state;
    }

    /** The staged drivers by contract, once {@link #awaitDrivers} found them all. */
    synchronized Map<ContractKey, Driver> drivers() {
        require("read the drivers of", State.READY, State.SERVING);
        return drivers;
    }

    /** Starts the staged bundle; its components register their drivers here as they activate. */
    void start() throws UpdateFailure {
        require("start", State.STAGED);
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new UpdateFailure(bundle.getSymbolicName() + " " + image.version() + " does not start: " + UpdateFailure.oneLine(e));
        }
    }

    /** A driver of the staged bundle was registered (its service is null when its component failed to activate). */
    synchronized void arrived(Driver driver) {
        arrivals.put(driver.key(), driver);
        notifyAll();
    }

    /** A driver of the staged bundle went away before the switch. */
    synchronized void left(Driver driver) {
        arrivals.remove(driver.key(), driver);
    }

    /**
     * Waits until the staged bundle has registered a driver for every replaced contract, or one of
     * its drivers arrived without activating.
     *
     * @return every driver it registered, by contract (a contract the running version did not offer
     *     gets a stable service of its own at the switch)
     * @throws UpdateFailure naming the contracts that did not come, or the driver that did not activate
     */
    synchronized Map<ContractKey, Driver> awaitDrivers(long boundNanos) throws InterruptedException, UpdateFailure {
        require("wait for the drivers of", State.STAGED);
        long deadline = System.nanoTime() + boundNanos;
        while (true) {
            for (Driver d : arrivals.values()) {
                if (d.service() == null) {
                    throw new UpdateFailure("driver " + d.key() + " did not activate (its component failed; see the log)");
                }
            }
            if (arrivals.keySet().containsAll(needed)) {
                drivers = Collections.unmodifiableMap(new HashMap<>(arrivals));
                state = State.READY;
                return drivers;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                Set<ContractKey> missing = new HashSet<>(needed);
                missing.removeAll(arrivals.keySet());
                throw new UpdateFailure("no new driver for " + missing + " within " + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /**
     * The only window in which the block's callers wait: drain the calls in flight (so the old and
     * the new driver never run at the same time: a driver may assume it is its block's only user),
     * point every stable service at its new driver, let the held callers go. Marks {@code drain} and
     * {@code switch} in {@code phases}.
     *
     * @return how long callers were held
     * @throws UpdateFailure if calls in flight did not return within {@code inFlightNanos}: the
     *     callers go on with the running version, nothing changed, and the update may be discarded
     */
    /** After the switch: the consumers pinned to the replaced version, which must then stay installed. */
    Set<String> pinnedBy() {
        return Set.copyOf(pinnedBy);
    }

    long switchOver(long inFlightNanos, PhaseTimes phases) throws UpdateFailure, InterruptedException {
        Map<ContractKey, Driver> next;
        synchronized (this) {
            require("switch over to", State.READY);
            next = drivers;
        }
        Map<ContractKey, Driver> previous = new HashMap<>();
        replaced.forEach(s -> previous.put(s.key(), stable.current(s.key())));
        long start = phases.restart();
        drain(inFlightNanos);
        phases.mark("drain");
        stable.takeOver(this, next);
        for (StableService s : replaced) {
            s.resume(next.get(s.key()).service());
        }
        long pause = System.nanoTime() - start;
        phases.mark("switch");
        for (StableService s : replaced) { // after the pause: callers need not wait for the new properties
            pinnedBy.addAll(stable.holdForPins(s, previous.get(s.key()), next.get(s.key())));
            StableServices.describe(s, next.get(s.key()));
        }
        synchronized (this) {
            state = State.SERVING;
        }
        return pause;
    }

    /**
     * Holds new calls on every replaced service and waits for those in flight; if they do not return,
     * or the updater is interrupted meanwhile, lets all go on unchanged.
     */
    private void drain(long inFlightNanos) throws UpdateFailure, InterruptedException {
        List<StableService> quiesced = new ArrayList<>();
        try {
            for (StableService s : replaced) {
                quiesced.add(s);
                if (!s.quiesce(inFlightNanos)) {
                    throw new UpdateFailure("calls to " + s.key() + " still in flight after "
                            + TimeUnit.NANOSECONDS.toMillis(inFlightNanos) + " ms");
                }
            }
        } catch (UpdateFailure | InterruptedException e) {
            quiesced.forEach(q -> q.resume(q.delegate()));
            throw e;
        }
    }

    /** Drops the staged version, which will not serve: its drivers never reached a consumer. */
    void discard() {
        synchronized (this) {
            require("discard", State.STAGED, State.READY);
            state = State.DISCARDED;
        }
        try {
            staging.retire(bundle, "discarded");
        } finally {
            stable.release(this);
        }
    }

    /** @throws IllegalStateException when asked out of turn: a mistake of the updater, never of the new version */
    private synchronized void require(String operation, State... allowed) {
        if (!Arrays.asList(allowed).contains(state)) {
            throw new IllegalStateException("cannot " + operation + " a staged update that is " + state + " ("
                    + image.symbolicName() + " " + image.version() + ")");
        }
    }
}
