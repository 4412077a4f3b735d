package io.halcyon.launcher.update.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * The one path every update takes, whoever asks (shell, hot-deploy directory, soak, tests). One
 * update at a time per host: swaps are rare and short, and serialising them keeps the history and
 * the revision store simple to reason about.
 */
final class UpdateService implements UpdateManager {

    static final String PLATFORM_REFUSAL = "a platform bundle provides the chip's register bus: replacing it rebinds every "
            + "driver at once and, for the in-process emulation, replaces the emulated chip itself; update it only with the chip quiescent "
            + "(stop the workload, then update and restart the host)";

    private final BundleContext context;
    private final StableServices stable;
    private final HealthGate gate;
    private final Bounds bounds;
    private final Consumer<String> log;
    private final RevisionStore store = new RevisionStore();
    private final UpdateHistory history = new UpdateHistory();

    UpdateService(BundleContext context, StableServices stable, HealthGate gate, Bounds bounds, Consumer<String> log) {
        this.context = context;
        this.stable = stable;
        this.gate = gate;
        this.bounds = bounds;
        this.log = log;
    }

    @Override
    public UpdateRecord update(String target, String source, String who) {
        Bundle bundle = Targets.find(context, target);
        return apply(bundle, ArtifactSource.read(source), who, false);
    }

    @Override
    public UpdateRecord update(String target, Path jar, String who) {
        return update(target, jar.toString(), who);
    }

    @Override
    public UpdateRecord rollback(String target, String who) {
        Bundle bundle = Targets.find(context, target);
        JarImage previous = store.previous(bundle);
        if (previous == null) {
            throw new IllegalStateException(target + ": this host has not updated " + bundle.getSymbolicName()
                    + ", so there is no earlier version to go back to");
        }
        return apply(bundle, previous, who, true);
    }

    @Override
    public List<UpdateRecord> history() {
        return history.all();
    }

    private synchronized UpdateRecord apply(Bundle bundle, JarImage next, String who, boolean rollback) {
        Attempt attempt = new Attempt(bundle, store.running(bundle), next, who, Instant.now());
        if (!next.symbolicName().equals(bundle.getSymbolicName())) {
            return attempt.end(Outcome.REFUSED, "the jar is " + next.symbolicName() + ", not " + bundle.getSymbolicName(), 0, List.of());
        }
        if (attempt.from.sha256().equals(next.sha256())) {
            return attempt.end(Outcome.UNCHANGED, "the same jar already runs", 0, List.of());
        }
        if (!next.exports().isEmpty() || exportsPackages(bundle)) {
            return updateApi(attempt);
        }
        if (providesRegisterBus(bundle)) {
            return attempt.end(Outcome.REFUSED, PLATFORM_REFUSAL, 0, List.of());
        }
        return swapBlock(attempt, rollback);
    }

    /** Quiesce, replace, wait for the drivers, gate, resume; roll back on any failure. */
    private UpdateRecord swapBlock(Attempt attempt, boolean rollback) {
        Bundle bundle = attempt.bundle;
        FrameworkWiring wiring = frameworkWiring();
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(bundle));
        if (closure.size() != 1) {
            return attempt.end(Outcome.REFUSED, "a block bundle must have no dependents, but refreshing it would also refresh "
                    + names(closure), 0, List.of());
        }
        List<String> refreshed = List.of(bundle.getSymbolicName());
        List<StableService> held = stable.servedBy(bundle);
        Set<ContractKey> keys = new LinkedHashSet<>();
        held.forEach(s -> keys.add(s.key()));
        long start = System.nanoTime();
        stable.beginUpdate(bundle);
        try {
            for (StableService s : held) {
                if (!s.quiesce(bounds.inFlightNanos())) {
                    held.forEach(h -> h.resume(h.delegate()));
                    stable.abandonUpdate(bundle);
                    return attempt.end(Outcome.REFUSED, "calls to " + s.key() + " still in flight after "
                            + TimeUnit.NANOSECONDS.toMillis(bounds.inFlightNanos()) + " ms; nothing changed", System.nanoTime() - start, List.of());
                }
            }
            Map<ContractKey, Map<String, Object>> oldViews = new HashMap<>();
            for (StableService s : held) {
                oldViews.put(s.key(), DriverViews.read(s.key(), s.delegate()));
            }
            try {
                Verified verified = install(bundle, attempt.to, keys, oldViews);
                resume(bundle, held, verified.drivers());
                long pause = System.nanoTime() - start;
                if (rollback) {
                    store.wentBack(bundle);
                } else {
                    store.ran(bundle, attempt.to);
                }
                return attempt.end(Outcome.UPDATED, verified.checked(), pause, refreshed);
            } catch (UpdateFailure | BundleException | RuntimeException failure) {
                return rollBack(attempt, held, keys, start, oneLine(failure), refreshed);
            }
        } catch (InterruptedException | UpdateFailure e) {
            held.forEach(h -> h.resume(h.delegate()));
            stable.abandonUpdate(bundle);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return attempt.end(Outcome.REFUSED, oneLine(e), System.nanoTime() - start, List.of());
        }
    }

    private UpdateRecord rollBack(Attempt attempt, List<StableService> held, Set<ContractKey> keys, long start, String reason,
            List<String> refreshed) {
        log.accept("update of " + attempt.bundle.getSymbolicName() + " to " + attempt.to.version() + " failed, rolling back: " + reason);
        try {
            installBytes(attempt.bundle, attempt.from);
            resume(attempt.bundle, held, stable.awaitArrivals(keys, bounds.driverNanos()));
            return attempt.end(Outcome.ROLLED_BACK, reason, System.nanoTime() - start, refreshed);
        } catch (UpdateFailure | BundleException | InterruptedException | RuntimeException e) {
            stable.abandonUpdate(attempt.bundle);
            log.accept("rollback of " + attempt.bundle.getSymbolicName() + " failed too; its callers wait until their bound: " + oneLine(e));
            return attempt.end(Outcome.FAILED, reason + "; rollback failed: " + oneLine(e), System.nanoTime() - start, refreshed);
        }
    }

    /** The new version's drivers, found fit to serve, and what the health gate checked. */
    private record Verified(Map<ContractKey, Driver> drivers, String checked) {}

    /** Puts the new jar in and decides whether it may serve. */
    private Verified install(Bundle bundle, JarImage image, Set<ContractKey> keys, Map<ContractKey, Map<String, Object>> oldViews)
            throws BundleException, UpdateFailure, InterruptedException {
        long t0 = System.nanoTime();
        installBytes(bundle, image);
        long t1 = System.nanoTime();
        Map<ContractKey, Driver> arrived = stable.awaitArrivals(keys, bounds.driverNanos());
        long t2 = System.nanoTime();
        Set<String> checked = new LinkedHashSet<>();
        Set<String> blocks = new LinkedHashSet<>();
        keys.forEach(k -> blocks.add(k.block()));
        for (ContractKey key : keys) {
            if (blocks.remove(key.block())) {
                checked.add(gate.check(bundle, key.block(), key.chip(), bounds.gateNanos()));
            }
            DriverViews.compare(key, oldViews.get(key), DriverViews.read(key, arrived.get(key).service()));
        }
        long t3 = System.nanoTime();
        checked.add(String.format(java.util.Locale.ROOT, "bundle update %.1f ms, drivers %.1f ms, gate %.1f ms", (t1 - t0) / 1e6,
                (t2 - t1) / 1e6, (t3 - t2) / 1e6));
        return new Verified(arrived, String.join("; ", checked));
    }

    /** Replaces the bundle's bytes; refreshes it alone if the framework kept the old revision; starts it. */
    private void installBytes(Bundle bundle, JarImage image) throws BundleException, UpdateFailure, InterruptedException {
        bundle.update(new ByteArrayInputStream(image.bytes()));
        FrameworkWiring wiring = frameworkWiring();
        if (wiring.getRemovalPendingBundles().contains(bundle)) {
            refresh(wiring, List.of(bundle));
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            try {
                bundle.start();
            } catch (BundleException e) {
                throw new UpdateFailure(bundle.getSymbolicName() + " " + image.version() + " does not start: " + oneLine(e));
            }
        }
    }

    private void resume(Bundle bundle, List<StableService> held, Map<ContractKey, Driver> arrived) {
        stable.endUpdate(bundle, arrived);
        for (StableService s : held) {
            s.resume(arrived.get(s.key()).service());
        }
    }

    /**
     * An API bundle: refused unless every package someone imports stays compatible; a compatible
     * update refreshes its whole dependency closure (importers restart, as they must to link to the
     * new classes), which is why it is a separate, explicit operation and never a block swap.
     */
    private UpdateRecord updateApi(Attempt attempt) {
        FrameworkWiring wiring = frameworkWiring();
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(attempt.bundle));
        List<String> problems = ApiCompatibility.problems(attempt.bundle, attempt.to);
        if (!problems.isEmpty()) {
            return attempt.end(Outcome.REFUSED, "incompatible API change for its " + (closure.size() - 1) + " dependent bundle(s): "
                    + String.join("; ", problems), 0, List.of());
        }
        try {
            attempt.bundle.update(new ByteArrayInputStream(attempt.to.bytes()));
            refresh(wiring, closure);
            store.ran(attempt.bundle, attempt.to);
            return attempt.end(Outcome.UPDATED, "compatible API update; refreshed its dependency closure", 0, names(closure));
        } catch (BundleException | UpdateFailure | InterruptedException e) {
            return attempt.end(Outcome.FAILED, oneLine(e), 0, names(closure));
        }
    }

    private void refresh(FrameworkWiring wiring, Collection<Bundle> bundles) throws UpdateFailure, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(bounds.driverNanos(), TimeUnit.NANOSECONDS)) {
            throw new UpdateFailure("refreshing " + names(bundles) + " took longer than " + TimeUnit.NANOSECONDS.toMillis(bounds.driverNanos()) + " ms");
        }
    }

    private boolean exportsPackages(Bundle bundle) {
        JarImage running = store.running(bundle);
        return !running.exports().isEmpty();
    }

    private static boolean providesRegisterBus(Bundle bundle) {
        if (bundle.getRegisteredServices() == null) {
            return false;
        }
        for (var ref : bundle.getRegisteredServices()) {
            for (String type : (String[]) ref.getProperty("objectClass")) {
                if (RegisterBus.class.getName().equals(type)) {
                    return true;
                }
            }
        }
        return false;
    }

    private FrameworkWiring frameworkWiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    private static List<String> names(Collection<Bundle> bundles) {
        List<String> names = new ArrayList<>();
        bundles.forEach(b -> names.add(b.getSymbolicName()));
        return names;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** What is being replaced by what, for the record. */
    private final class Attempt {
        final Bundle bundle;
        final JarImage from;
        final JarImage to;
        final String who;
        final Instant at;
        final String block;

        Attempt(Bundle bundle, JarImage from, JarImage to, String who, Instant at) {
            this.bundle = bundle;
            this.from = from;
            this.to = to;
            this.who = who;
            this.at = at;
            this.block = String.join(",", Targets.blocksOf(context, bundle));
        }

        UpdateRecord end(Outcome outcome, String detail, long pauseNanos, List<String> refreshed) {
            UpdateRecord r = history.add(at, who, bundle.getSymbolicName(), block, from.version().toString(), to.version().toString(),
                    outcome, detail, pauseNanos, refreshed);
            if (outcome != Outcome.UPDATED && outcome != Outcome.UNCHANGED) {
                log.accept(r.summary());
            }
            return r;
        }
    }
}
