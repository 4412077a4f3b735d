package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /** Chips switch in their numbers' order (chip 0 first), whatever else names a chip after them. */
    private static final Comparator<Object> CHIP_ORDER = Comparator
            .comparing((Object chip) -> chip instanceof Number n ? n.longValue() : Long.MAX_VALUE)
            .thenComparing(String::valueOf);

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

    /** After the switch: the consumers pinned to the replaced version, which must then stay installed. */
    Set<String> pinnedBy() {
        return Set.copyOf(pinnedBy);
    }

    /**
     * The only window in which the block's callers wait, taken one chip at a time so that each chip's
     * callers wait for their own chip's drain and nobody else's: for each chip, hold its callers, drain
     * the calls it has in flight (so the old and the new driver never run on that chip at the same
     * time: a driver may assume it is its block's only user), point its stable services at the new
     * drivers and let its callers go. Marks {@code drain} and {@code switch} in {@code phases}, per chip
     * ({@code drain chip N}) when the update replaces drivers of more than one chip.
     *
     * @return how long the callers of one chip were held, at most (what a caller can have waited)
     * @throws UpdateFailure if calls in flight on some chip did not return within {@code inFlightNanos}:
     *     the chips switched before it are switched back (their callers wait once more, for their own
     *     drain), every caller goes on with the running version, nothing changed, and the update may be
     *     discarded. Drivers are stateless, so calls the new driver served meanwhile left nothing behind
     *     that the running version would not read from the chip.
     */
    long switchOver(long inFlightNanos, PhaseTimes phases) throws UpdateFailure, InterruptedException {
        Map<ContractKey, Driver> next;
        synchronized (this) {
            require("switch over to", State.READY);
            next = drivers;
        }
        Map<ContractKey, Driver> previous = new HashMap<>();
        replaced.forEach(s -> previous.put(s.key(), stable.current(s.key())));
        Map<Object, List<StableService>> byChip = new TreeMap<>(CHIP_ORDER);
        replaced.forEach(s -> byChip.computeIfAbsent(s.key().chip(), chip -> new ArrayList<>()).add(s));
        boolean perChip = byChip.size() > 1;
        List<List<StableService>> switched = new ArrayList<>();
        long longestPause = 0;
        try {
            for (Map.Entry<Object, List<StableService>> chip : byChip.entrySet()) {
                String suffix = perChip ? " chip " + chip.getKey() : "";
                long start = phases.restart();
                drain(chip.getValue(), inFlightNanos);
                phases.mark("drain" + suffix);
                for (StableService s : chip.getValue()) {
                    s.resume(next.get(s.key()).service());
                }
                switched.add(chip.getValue());
                longestPause = Math.max(longestPause, System.nanoTime() - start);
                phases.mark("switch" + suffix);
            }
        } catch (UpdateFailure | InterruptedException e) {
            switched.forEach(chip -> switchBack(chip, previous, inFlightNanos));
            throw e;
        }
        stable.takeOver(this, next);
        for (StableService s : replaced) { // after the pause: callers need not wait for the new properties
            pinnedBy.addAll(stable.holdForPins(s, previous.get(s.key()), next.get(s.key())));
            StableServices.describe(s, next.get(s.key()));
        }
        synchronized (this) {
            state = State.SERVING;
        }
        return longestPause;
    }

    /**
     * Holds new calls on one chip's replaced services and waits for those in flight; if they do not
     * return, or the updater is interrupted meanwhile, lets that chip's callers go on unchanged.
     */
    private static void drain(List<StableService> chip, long inFlightNanos) throws UpdateFailure, InterruptedException {
        List<StableService> quiesced = new ArrayList<>();
        try {
            for (StableService s : chip) {
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

    /**
     * Undoes one chip's switch after a later chip could not drain: the chip's callers go back to the
     * running version's drivers, after the calls the new ones have in flight returned (bounded as the
     * drain is; a call still running then finishes on the new driver, and the next ones take the old).
     */
    private static void switchBack(List<StableService> chip, Map<ContractKey, Driver> previous, long inFlightNanos) {
        boolean interrupted = Thread.interrupted(); // the drain that failed may have been interrupted: wait anyway
        for (StableService s : chip) {
            try {
                s.quiesce(inFlightNanos);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            s.resume(previous.get(s.key()).service());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
