package io.halcyon.launcher.update.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * Updates an API bundle and the bundles that depend on it (its dependency closure: every bundle wired
 * to it, directly or not), which must restart to link to the new classes. Only compatible versions get
 * here ({@link UpdatePlan} refuses the others, and any whose closure would take in the manager itself,
 * which imports no API bundle for that reason).
 *
 * <ol>
 * <li>stop the closure users first ({@link StopOrder}): a consumer stops while what it uses still runs,
 * and one that finishes its work in flight as it stops (the training workload) finishes it on the old
 * classes; from the first driver stopped, callers of the block contracts have nothing to call, which is
 * the update's pause;
 * <li>update the bundle in place and refresh the closure (nothing in it is active, so the refresh only
 * re-wires);
 * <li>start the closure again, what others use first, and wait until every block contract served
 * before is served again by the restarted drivers.
 * </ol>
 *
 * If any of that fails (the new version does not resolve, a bundle does not start, a driver does not
 * come back), the previous bytes are put back the same way and the record says {@code FAILED}, with
 * whether the restore worked.
 */
final class ApiUpdate {

    private final FrameworkWiring wiring;
    private final StableServices stable;
    private final RevisionStore store;
    private final Bounds bounds;

    ApiUpdate(FrameworkWiring wiring, StableServices stable, RevisionStore store, Bounds bounds) {
        this.wiring = wiring;
        this.stable = stable;
        this.store = store;
        this.bounds = bounds;
    }

    /**
     * @param closure the bundle and every bundle wired to it, directly or not
     * @param rollback whether {@code attempt} puts back the version before the running one
     */
    UpdateRecord run(Attempt attempt, Collection<Bundle> closure, boolean rollback) {
        List<String> refreshed = Targets.symbolicNames(closure).stream().sorted().toList();
        Set<ContractKey> served = stable.contracts();
        List<Bundle> order = StopOrder.usersFirst(closure, stable::serverOf);
        List<Bundle> active = order.stream().filter(b -> b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING).toList();
        PhaseTimes phases = new PhaseTimes();
        Pause pause = new Pause();
        try {
            stopUsersFirst(active, pause);
            phases.mark("stop");
            replace(attempt.bundle, attempt.to, closure, active, served, phases);
            if (rollback) {
                store.wentBack(attempt.bundle);
            } else {
                store.ran(attempt.bundle, attempt.to);
            }
            return attempt.end(Outcome.UPDATED, rollback ? BlockSwap.ROLLBACK : "", pause.end(), refreshed, phases.phases(), GateCounts.NONE);
        } catch (UpdateFailure | BundleException | InterruptedException | RuntimeException failure) {
            String reason = UpdateFailure.reasonOf(failure);
            String restore = restore(attempt, closure, active, served);
            return attempt.end(Outcome.FAILED, reason + "; " + restore, pause.end(), refreshed, phases.phases(), GateCounts.NONE);
        }
    }

    /** Updates {@code bundle} to {@code image}, refreshes the closure and starts again what was active. */
    private void replace(Bundle bundle, JarImage image, Collection<Bundle> closure, List<Bundle> active, Set<ContractKey> served,
            PhaseTimes phases) throws UpdateFailure, BundleException, InterruptedException {
        bundle.update(new ByteArrayInputStream(image.bytes()));
        phases.mark("update");
        refresh(closure);
        phases.mark("refresh");
        startProvidersFirst(active);
        phases.mark("start");
        stable.awaitServed(served, bounds.refreshNanos());
        phases.mark("drivers");
    }

    /** Puts the previous bytes back the same way; says how that went, for the record. */
    private String restore(Attempt attempt, Collection<Bundle> closure, List<Bundle> active, Set<ContractKey> served) {
        try {
            stopUsersFirst(active, new Pause());
            replace(attempt.bundle, attempt.from, closure, active, served, new PhaseTimes());
            return "the previous version " + attempt.from.version() + " was restored and its dependents started again";
        } catch (UpdateFailure | BundleException | InterruptedException | RuntimeException failure) {
            return "restoring the previous version " + attempt.from.version() + " failed too (" + UpdateFailure.reasonOf(failure)
                    + "): the host needs a restart";
        }
    }

    /** Stops each bundle transiently (its autostart setting stays), users first; marks the pause at the first driver. */
    private void stopUsersFirst(List<Bundle> order, Pause pause) throws BundleException {
        for (Bundle b : order) {
            if (stable.serves(b)) {
                pause.begin();
            }
            if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
                b.stop(Bundle.STOP_TRANSIENT);
            }
        }
        pause.begin(); // no driver in the closure: the pause starts once everything has stopped
    }

    private static void startProvidersFirst(List<Bundle> usersFirst) throws BundleException {
        List<Bundle> order = new ArrayList<>(usersFirst);
        Collections.reverse(order);
        for (Bundle b : order) {
            b.start();
        }
    }

    private void refresh(Collection<Bundle> bundles) throws UpdateFailure, InterruptedException {
        CompletableFuture<FrameworkEvent> done = new CompletableFuture<>();
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.complete(event);
            }
        });
        FrameworkEvent event;
        try {
            event = done.get(bounds.refreshNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new UpdateFailure("refreshing " + Targets.symbolicNames(bundles) + " took longer than "
                    + TimeUnit.NANOSECONDS.toMillis(bounds.refreshNanos()) + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (event.getType() == FrameworkEvent.ERROR) {
            Throwable t = event.getThrowable();
            throw new UpdateFailure("the refresh failed" + (t == null ? "" : ": " + UpdateFailure.oneLine(t)));
        }
    }

    /** The window in which the block contracts had no driver: from the first driver stopped to all served again. */
    private static final class Pause {
        private long start;

        void begin() {
            if (start == 0) {
                start = System.nanoTime();
            }
        }

        long end() {
            return start == 0 ? 0 : System.nanoTime() - start;
        }
    }
}
