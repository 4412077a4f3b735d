package io.halcyon.launcher.update.internal;

import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * Updates an API bundle in place and refreshes its whole dependency closure: its importers restart,
 * as they must to link to the new classes, which is why this is a separate, explicit operation and
 * never a block swap. Only compatible versions get here ({@link UpdatePlan} refuses the others).
 */
final class ApiUpdate {

    private final FrameworkWiring wiring;
    private final RevisionStore store;
    private final long refreshNanos;

    /** @param refreshNanos how long the refresh of the closure may take */
    ApiUpdate(FrameworkWiring wiring, RevisionStore store, long refreshNanos) {
        this.wiring = wiring;
        this.store = store;
        this.refreshNanos = refreshNanos;
    }

    /** @param closure the bundle and every bundle wired to it, directly or not: what the refresh restarts */
    UpdateRecord run(Attempt attempt, Collection<Bundle> closure) {
        List<String> refreshed = Targets.symbolicNames(closure);
        try {
            attempt.bundle.update(new ByteArrayInputStream(attempt.to.bytes()));
            refresh(closure);
            store.ran(attempt.bundle, attempt.to);
            return attempt.end(Outcome.UPDATED, "compatible API update; refreshed its dependency closure", 0, refreshed);
        } catch (BundleException | UpdateFailure | InterruptedException e) {
            return attempt.end(Outcome.FAILED, UpdateFailure.reasonOf(e), 0, refreshed);
        }
    }

    private void refresh(Collection<Bundle> bundles) throws UpdateFailure, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(refreshNanos, TimeUnit.NANOSECONDS)) {
            throw new UpdateFailure("refreshing " + Targets.symbolicNames(bundles) + " took longer than "
                    + TimeUnit.NANOSECONDS.toMillis(refreshNanos) + " ms");
        }
    }
}
