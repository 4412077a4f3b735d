package io.halcyon.launcher.update.internal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

import io.halcyon.launcher.update.GatePolicy;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * The one path every update takes, whoever asks (shell, hot-deploy directory, soak, tests): read
 * what the rules need from the framework, let {@link UpdatePlan} decide, and hand the request to a
 * {@link BlockSwap} or an {@link ApiUpdate}, or record why nothing was done. One update at a time
 * per host: swaps are rare and short, and serialising them keeps the history and the revision store
 * simple to reason about.
 */
final class UpdateService implements UpdateManager {

    /** The platform's service; named, not imported: the manager imports no API bundle it may update. */
    static final String REGISTER_BUS = "io.halcyon.hal.api.bus.RegisterBus";

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final Consumer<String> log;
    private final RevisionStore store;
    private final HistoryLog history;
    private final BlockSwap blockSwap;
    private final ApiUpdate apiUpdate;

    UpdateService(BundleContext context, StateDirectory state, StableServices stable, GateClient gate, StagedBundles staging,
            Bounds bounds, Consumer<String> log) {
        this.context = context;
        this.wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        this.log = log;
        this.store = new RevisionStore(state.revisions());
        this.history = new HistoryLog(state.history(), log);
        this.blockSwap = new BlockSwap(stable, staging, gate, bounds, store, log);
        this.apiUpdate = new ApiUpdate(wiring, stable, store, bounds);
    }

    /**
     * After a restart the host runs the bundles of its assembly again: a bundle that the manager had
     * updated before comes back at its assembly's version. Each such change is recorded ({@code host
     * start}), so that the history reads true and {@code hal:rollback} goes back to the version that
     * ran before the restart.
     */
    synchronized void recordRestart() {
        for (String symbolicName : store.recorded()) {
            Optional<Bundle> installed = installed(symbolicName);
            if (installed.isEmpty()) {
                continue;
            }
            Bundle bundle = installed.get();
            JarImage now = RevisionStore.installedImage(bundle);
            if (!store.recordedRunningSha(symbolicName).orElse(now.sha256()).equals(now.sha256())) {
                JarImage recorded = store.running(bundle);
                store.ran(bundle, now);
                new Attempt(bundle, recorded, now, "host start", GatePolicy.CHECKED, lastBlockOf(symbolicName), history, log)
                        .end(Outcome.UPDATED, "the host started from its assembly's jar; hal:rollback puts " + recorded.version() + " back", 0,
                                List.of());
            }
        }
    }

    @Override
    public UpdateRecord update(String target, String source, String who) {
        return update(target, source, who, GatePolicy.CHECKED);
    }

    @Override
    public synchronized UpdateRecord update(String target, String source, String who, GatePolicy policy) {
        Bundle bundle = Targets.find(context, target);
        return apply(bundle, ArtifactSource.read(source), who, policy, false);
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
        return apply(bundle, previous, who, GatePolicy.CHECKED, true);
    }

    @Override
    public List<UpdateRecord> history() {
        return history.all();
    }

    private synchronized UpdateRecord apply(Bundle bundle, JarImage next, String who, GatePolicy policy, boolean rollback) {
        Attempt attempt = new Attempt(bundle, store.running(bundle), next, who, policy, String.join(",", Targets.blocksOf(context, bundle)),
                history, log);
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(bundle));
        UpdatePlan plan = UpdatePlan.decide(new UpdatePlan.Facts(bundle.getSymbolicName(), attempt.from, next,
                providesRegisterBus(bundle), Targets.symbolicNames(closure), ApiCompatibility.problems(bundle, next),
                closure.contains(context.getBundle())));
        return switch (plan.kind()) {
            case REFUSE -> attempt.end(Outcome.REFUSED, plan.reason(), 0, List.of());
            case NOTHING_TO_DO -> attempt.end(Outcome.UNCHANGED, plan.reason(), 0, List.of());
            case UPDATE_API -> apiUpdate.run(attempt, closure, rollback);
            case SWAP_BLOCK -> blockSwap.run(attempt, rollback);
        };
    }

    /** The blocks the bundle served when it was last recorded (at a host start no driver has registered yet). */
    private String lastBlockOf(String symbolicName) {
        List<UpdateRecord> all = history.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).bundle().equals(symbolicName) && !all.get(i).block().isEmpty()) {
                return all.get(i).block();
            }
        }
        return "";
    }

    private Optional<Bundle> installed(String symbolicName) {
        for (Bundle b : Targets.newestFirst(context)) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private static boolean providesRegisterBus(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (ServiceReference<?> ref : registered) {
            for (String type : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
                if (REGISTER_BUS.equals(type)) {
                    return true;
                }
            }
        }
        return false;
    }
}
