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
    private final StagedBundles staging;
    private final RevisionStore store = new RevisionStore();
    private final UpdateHistory history = new UpdateHistory();

    UpdateService(BundleContext context, StableServices stable, HealthGate gate, StagedBundles staging, Bounds bounds,
            Consumer<String> log) {
        this.context = context;
        this.staging = staging;
        this.stable = stable;
        this.gate = gate;
        this.bounds = bounds;
        this.log = log;
    }

    @Override
    public synchronized UpdateRecord update(String target, String source, String who) {
        Bundle bundle = Targets.find(context, target);
        return apply(bundle, ArtifactSource.read(source), who, false);
    }

    @Override
    public UpdateRecord update(String target, Path jar, String who) {
        return update(target, jar.toString(), who);
    }

    @Override
    public synchronized UpdateRecord rollback(String target, String who) {
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

    /**
     * Stage, gate, switch, retire. Everything that can fail happens while the running version still
     * serves: the new jar is installed beside it, started, its drivers awaited and put through the
     * health gate. Only then is the block quiesced, and only for the switch: calls in flight on the
     * old driver return, the stable services point at the new drivers, the held callers go on. The
     * old version is uninstalled after the callers resumed. A failure before the switch discards the
     * staged version; the callers never waited.
     */
    private UpdateRecord swapBlock(Attempt attempt, boolean rollback) {
        Bundle running = attempt.bundle;
        Collection<Bundle> closure = frameworkWiring().getDependencyClosure(List.of(running));
        if (closure.size() != 1) {
            return attempt.end(Outcome.REFUSED, "a block bundle must have no dependents, but replacing it would also refresh "
                    + names(closure), 0, List.of());
        }
        List<String> replaced = List.of(running.getSymbolicName());
        List<StableService> held = stable.servedBy(running);
        Set<ContractKey> keys = new LinkedHashSet<>();
        held.forEach(s -> keys.add(s.key()));
        PhaseTimes phases = new PhaseTimes();
        Bundle staged = null;
        Verified verified;
        try {
            staged = staging.install(attempt.to);
            stable.beginUpdate(staged);
            phases.mark("install");
            start(staged, attempt.to);
            phases.mark("start");
            Map<ContractKey, Driver> arrived = stable.awaitArrivals(keys, bounds.driverNanos());
            phases.mark("drivers");
            verified = new Verified(arrived, gate(staged, held, arrived));
            phases.mark("gate");
        } catch (UpdateFailure | BundleException | InterruptedException | RuntimeException failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            discard(staged);
            String reason = oneLine(failure) + "; the running version kept serving";
            log.accept("update of " + running.getSymbolicName() + " to " + attempt.to.version() + " failed, discarded: " + reason);
            return attempt.end(Outcome.ROLLED_BACK, reason + " (" + phases + ")", 0, replaced);
        }
        long pause;
        try {
            pause = switchDrivers(staged, held, verified.drivers(), phases);
        } catch (UpdateFailure | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            discard(staged);
            return attempt.end(Outcome.REFUSED, oneLine(e) + "; nothing changed", 0, List.of());
        }
        try {
            staging.retire(running);
        } catch (BundleException | RuntimeException e) {
            log.accept("the replaced version " + running.getSymbolicName() + " " + running.getVersion() + " did not uninstall: " + oneLine(e));
        }
        phases.mark("retire");
        if (rollback) {
            store.wentBack(staged);
        } else {
            store.ran(staged, attempt.to);
        }
        return attempt.end(Outcome.UPDATED, verified.checked() + "; " + phases, pause, replaced);
    }

    /**
     * The only window in which the block's callers wait: drain the calls in flight (so the old and
     * the new driver never run at the same time: a driver may assume it is its block's only user),
     * point every stable service at its new driver, let the held callers go.
     *
     * @return how long callers were held
     * @throws UpdateFailure if calls in flight did not return within their bound (nothing changed)
     */
    private long switchDrivers(Bundle staged, List<StableService> held, Map<ContractKey, Driver> arrived, PhaseTimes phases)
            throws UpdateFailure, InterruptedException {
        long start = phases.restart();
        List<StableService> quiesced = new ArrayList<>();
        for (StableService s : held) {
            quiesced.add(s);
            if (!s.quiesce(bounds.inFlightNanos())) {
                quiesced.forEach(q -> q.resume(q.delegate()));
                throw new UpdateFailure("calls to " + s.key() + " still in flight after "
                        + TimeUnit.NANOSECONDS.toMillis(bounds.inFlightNanos()) + " ms");
            }
        }
        phases.mark("drain");
        stable.endUpdate(staged, arrived);
        for (StableService s : held) {
            s.resume(arrived.get(s.key()).service());
        }
        long pause = System.nanoTime() - start;
        phases.mark("switch");
        return pause;
    }

    /** Drops a staged version that will not serve; its drivers never reached a consumer. */
    private void discard(Bundle staged) {
        if (staged == null) {
            return;
        }
        try {
            staging.retire(staged);
        } catch (BundleException | RuntimeException e) {
            log.accept("the discarded version " + staged.getSymbolicName() + " " + staged.getVersion() + " did not uninstall: " + oneLine(e));
        } finally {
            stable.abandonUpdate(staged);
        }
    }

    /** The new version's drivers, found fit to serve, and what the health gate checked. */
    private record Verified(Map<ContractKey, Driver> drivers, String checked) {}

    private static void start(Bundle staged, JarImage image) throws UpdateFailure {
        try {
            staged.start();
        } catch (BundleException e) {
            throw new UpdateFailure(staged.getSymbolicName() + " " + image.version() + " does not start: " + oneLine(e));
        }
    }

    /**
     * The health gate, run while the old version still serves (its checks read no register with a
     * side effect, so they may run beside the workload): the staged version's register description
     * and register tests, and each new driver's views against the old driver's.
     */
    private String gate(Bundle staged, List<StableService> held, Map<ContractKey, Driver> arrived)
            throws UpdateFailure, InterruptedException {
        Set<String> checked = new LinkedHashSet<>();
        Set<String> blocks = new LinkedHashSet<>();
        held.forEach(s -> blocks.add(s.key().block()));
        for (StableService s : held) {
            ContractKey key = s.key();
            if (blocks.remove(key.block())) {
                checked.add(gate.check(staged, key.block(), key.chip(), bounds.gateNanos()));
            }
            DriverViews.compare(key, DriverViews.read(key, s.delegate()), DriverViews.read(key, arrived.get(key).service()));
        }
        return String.join("; ", checked);
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
