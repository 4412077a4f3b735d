package io.halcyon.launcher.gate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.halcyon.hal.api.butr.RegisterTests;
import io.halcyon.launcher.update.UpdateGate;

/**
 * The health gate of block swaps. For a block version staged beside the running one it checks, with
 * no write and no read that has a side effect, so beside the workload: each block's register
 * description as the new version publishes it, with the non-destructive register tests run on it
 * ({@link StagedDescriptions}); then every view each contract declares, through the new driver
 * against the running one ({@link ContractViews}). The verdict carries what was checked; whether
 * nothing checked is acceptable is the manager's (and the operator's) decision.
 */
@Component(service = UpdateGate.class)
public class BlockHealthGate implements UpdateGate {

    private final StagedDescriptions descriptions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RegisterTests registerTests;

    @Activate
    public BlockHealthGate(BundleContext context) {
        this.descriptions = new StagedDescriptions(context);
    }

    @Override
    public Verdict check(Request request) throws InterruptedException {
        Tally tally = new Tally();
        try {
            RegisterTests tests = registerTests;
            for (BlockOfChip b : blocks(request.contracts())) {
                descriptions.check(request.staged(), b.chip(), b.block(), request.descriptionBoundNanos(), tests, tally);
            }
            for (Contract c : request.contracts()) {
                new ContractViews(c, tally).compare();
            }
            return new Verdict(true, "", tally.counts());
        } catch (GateFailure failure) {
            return new Verdict(false, failure.getMessage(), tally.counts());
        }
    }

    private record BlockOfChip(String chip, String block) {}

    /** Each block instance once, in the contracts' order. */
    private static Set<BlockOfChip> blocks(List<Contract> contracts) {
        Set<BlockOfChip> blocks = new LinkedHashSet<>();
        contracts.forEach(c -> blocks.add(new BlockOfChip(c.chip(), c.block())));
        return blocks;
    }
}
