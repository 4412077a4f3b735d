package io.halcyon.launcher.update.internal;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * Replaces a block bundle behind its stable services: stage, gate, switch, retire. Everything that
 * can fail happens while the running version still serves: the new jar is installed beside it,
 * started, its drivers awaited and put through the health gate ({@link StagedUpdate},
 * {@link GateClient}). Only then is the block quiesced, and only for the switch. The old version is
 * uninstalled after the callers resumed. A failure before the switch discards the staged version;
 * the callers never waited. The record gives each phase's time (install, start, drivers, gate,
 * drain, switch, retire) and what the gate checked.
 */
final class BlockSwap {

    /** The detail of a successful {@code hal:rollback}, which otherwise reads like any update. */
    static final String ROLLBACK = "hal:rollback: the version that ran before is back";

    private final StableServices stable;
    private final StagedBundles staging;
    private final GateClient gate;
    private final Bounds bounds;
    private final RevisionStore store;
    private final Consumer<String> log;

    BlockSwap(StableServices stable, StagedBundles staging, GateClient gate, Bounds bounds, RevisionStore store, Consumer<String> log) {
        this.stable = stable;
        this.staging = staging;
        this.gate = gate;
        this.bounds = bounds;
        this.store = store;
        this.log = log;
    }

    /** @param rollback whether {@code attempt} puts back the version before the running one (the revision store goes back, not forward) */
    UpdateRecord run(Attempt attempt, boolean rollback) {
        Bundle running = attempt.bundle;
        List<String> replaced = List.of(running.getSymbolicName());
        List<StableService> held = stable.servedBy(running);
        PhaseTimes phases = new PhaseTimes();
        StagedUpdate staged = null;
        GateCounts checked;
        try {
            staged = StagedUpdate.install(attempt.to, held, staging, stable);
            phases.mark("install");
            staged.start();
            phases.mark("start");
            staged.awaitDrivers(bounds.driverNanos());
            phases.mark("drivers");
            checked = gate.check(staged, attempt.policy, bounds.gateNanos());
            phases.mark("gate");
        } catch (UpdateFailure | BundleException | InterruptedException | RuntimeException failure) {
            String reason = UpdateFailure.reasonOf(failure) + "; the running version kept serving";
            if (staged != null) {
                staged.discard();
            }
            log.accept("update of " + running.getSymbolicName() + " to " + attempt.to.version() + " failed, discarded: " + reason);
            return attempt.end(Outcome.ROLLED_BACK, reason, 0, replaced, phases.phases(), UpdateFailure.checkedBefore(failure));
        }
        long pause;
        try {
            pause = staged.switchOver(bounds.inFlightNanos(), phases);
        } catch (UpdateFailure | InterruptedException e) {
            String reason = UpdateFailure.reasonOf(e);
            staged.discard();
            return attempt.end(Outcome.REFUSED, reason + "; nothing changed", 0, List.of(), phases.phases(), checked);
        }
        String detail = rollback ? ROLLBACK : "";
        if (staged.pinnedBy().isEmpty()) {
            staging.retire(running, "replaced");
        } else {
            // A pin is a consumer's choice of driver version: the swap serves everyone else and leaves it be.
            detail = (detail.isEmpty() ? "" : detail + "; ") + "kept " + running.getSymbolicName() + " " + running.getVersion()
                    + " installed and serving " + String.join(", ", staged.pinnedBy()) + ", pinned to it by configuration ("
                    + StableServices.DRIVER_VERSION + ")";
            log.accept(detail);
        }
        phases.mark("retire");
        if (rollback) {
            store.wentBack(staged.bundle());
        } else {
            store.ran(staged.bundle(), attempt.to);
        }
        return attempt.end(Outcome.UPDATED, detail, pause, replaced, phases.phases(), checked);
    }
}
