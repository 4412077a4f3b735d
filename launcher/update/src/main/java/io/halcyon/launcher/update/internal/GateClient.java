package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;


import io.halcyon.launcher.update.GateCounts;
import io.halcyon.launcher.update.GatePolicy;
import io.halcyon.launcher.update.UpdateGate;

/**
 * Asks the health gate about a staged block version and turns its verdict into the swap's decision.
 * The gate is a service of its own bundle (it reads the HAL's API, which the manager does not import),
 * so it can be missing, or restarting with an API update; the operator's {@link GatePolicy} says
 * whether a version the gate checked nothing of may serve.
 */
final class GateClient {

    static final String GATE_BUNDLE = "io.halcyon.launcher.gate";

    private final Supplier<UpdateGate> gates;

    /** @param gates the gate service now, or null when none is registered */
    GateClient(Supplier<UpdateGate> gates) {
        this.gates = gates;
    }

    /**
     * @return what the gate checked
     * @throws UpdateFailure (carrying what was checked) when the version may not serve
     */
    GateCounts check(StagedUpdate staged, GatePolicy policy, long descriptionBoundNanos) throws UpdateFailure, InterruptedException {
        UpdateGate gate = gates.get();
        if (gate == null) {
            if (policy == GatePolicy.UNCHECKED) {
                return GateCounts.NONE;
            }
            throw new UpdateFailure("no health gate runs on this host (bundle " + GATE_BUNDLE
                    + "), so nothing could be checked; hal:update --unchecked accepts a version unchecked");
        }
        UpdateGate.Verdict verdict = gate.check(request(staged, descriptionBoundNanos));
        if (!verdict.passed()) {
            throw new UpdateFailure(verdict.reason(), verdict.counts());
        }
        if (verdict.counts().checked() == 0 && policy == GatePolicy.CHECKED) {
            throw new UpdateFailure("health gate: found nothing to check of " + blocks(staged) + " (" + verdict.counts().summary()
                    + "); hal:update --unchecked accepts a version unchecked", verdict.counts());
        }
        return verdict.counts();
    }

    private static UpdateGate.Request request(StagedUpdate staged, long descriptionBoundNanos) {
        List<UpdateGate.Contract> contracts = new ArrayList<>();
        for (StableService s : staged.replaced()) {
            ContractKey key = s.key();
            contracts.add(new UpdateGate.Contract(String.valueOf(key.chip()), key.block(), key.interfaces(), s.delegate(),
                    staged.drivers().get(key).service()));
        }
        return new UpdateGate.Request(staged.bundle(), contracts, descriptionBoundNanos);
    }

    private static String blocks(StagedUpdate staged) {
        Set<String> names = new LinkedHashSet<>();
        staged.replaced().forEach(s -> names.add(s.key().block()));
        return String.join(", ", names);
    }
}
