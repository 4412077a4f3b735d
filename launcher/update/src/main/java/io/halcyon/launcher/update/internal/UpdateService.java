package io.halcyon.launcher.update.internal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

import io.halcyon.hal.api.bus.RegisterBus;
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

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final Consumer<String> log;
    private final RevisionStore store = new RevisionStore();
    private final UpdateHistory history = new UpdateHistory();
    private final BlockSwap blockSwap;
    private final ApiUpdate apiUpdate;

    UpdateService(BundleContext context, StableServices stable, HealthGate gate, StagedBundles staging, Bounds bounds,
            Consumer<String> log) {
        this.context = context;
        this.wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        this.log = log;
        this.blockSwap = new BlockSwap(stable, staging, gate, bounds, store, log);
        this.apiUpdate = new ApiUpdate(wiring, store, bounds.driverNanos());
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
        Attempt attempt = new Attempt(bundle, store.running(bundle), next, who, String.join(",", Targets.blocksOf(context, bundle)),
                history, log);
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(bundle));
        UpdatePlan plan = UpdatePlan.decide(new UpdatePlan.Facts(bundle.getSymbolicName(), attempt.from, next,
                providesRegisterBus(bundle), Targets.symbolicNames(closure), ApiCompatibility.problems(bundle, next)));
        return switch (plan.kind()) {
            case REFUSE -> attempt.end(Outcome.REFUSED, plan.reason(), 0, List.of());
            case NOTHING_TO_DO -> attempt.end(Outcome.UNCHANGED, plan.reason(), 0, List.of());
            case UPDATE_API -> apiUpdate.run(attempt, closure);
            case SWAP_BLOCK -> blockSwap.run(attempt, rollback);
        };
    }

    private static boolean providesRegisterBus(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (ServiceReference<?> ref : registered) {
            for (String type : (String[]) ref.getProperty("objectClass")) {
                if (RegisterBus.class.getName().equals(type)) {
                    return true;
                }
            }
        }
        return false;
    }
}
