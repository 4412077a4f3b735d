package io.halcyon.launcher.update;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * The health gate a block swap asks before the new version may serve: it checks the version staged
 * beside the running one without disturbing the chip (no writes, no reads with side effects) while the
 * running version serves. Implemented by the gate bundle ({@code io.halcyon.launcher.gate}), not by the
 * manager: the gate reads the HAL's API, and the manager depends on no API bundle it may have to update
 * (an API update refreshes, and so restarts, every bundle that imports the API, the gate among them).
 */
@ConsumerType
public interface UpdateGate {

    /**
     * A new version of one block bundle, staged beside the running one, whose drivers have all arrived.
     *
     * @param staged the staged bundle (its register descriptions are the ones to test)
     * @param contracts every contract the running version serves, with its driver and the new one
     * @param descriptionBoundNanos how long the staged bundle's register description may take to appear
     */
    record Request(Bundle staged, List<Contract> contracts, long descriptionBoundNanos) {

        public Request {
            contracts = List.copyOf(contracts);
        }
    }

    /**
     * One contract of one block instance, served by the running driver and offered by the staged one.
     *
     * @param chip the chip instance ({@code halcyon.chip})
     * @param block the block instance ({@code halcyon.block})
     * @param interfaces the contract's interface names
     * @param running the driver serving now
     * @param staged the new version's driver, which no consumer has called
     */
    record Contract(String chip, String block, List<String> interfaces, Object running, Object staged) {

        public Contract {
            interfaces = List.copyOf(interfaces);
        }
    }

    /**
     * @param passed whether the new version may serve
     * @param reason why not, in one line naming the block and the check; empty when it passed
     * @param counts what was checked (up to the failure, when it failed)
     */
    record Verdict(boolean passed, String reason, GateCounts counts) {}

    /**
     * Checks the staged version. Never throws for what the new version does wrong: that is a verdict.
     *
     * @throws InterruptedException when the updater is asked to stop meanwhile
     */
    Verdict check(Request request) throws InterruptedException;
}
