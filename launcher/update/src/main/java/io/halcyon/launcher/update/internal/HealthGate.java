package io.halcyon.launcher.update.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.RegisterTests;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * Decides whether a new block version may serve, without disturbing the running chip: no register
 * is written and none whose read has a side effect is read. The block's register description must
 * come up with the new version, its non-destructive register tests must pass (the BUTR engine's
 * when one is installed, else {@link ConstantRegisters}), and the new drivers' views must agree
 * with the old ones' ({@link DriverViews}). It runs while the old version still serves, beside the
 * workload, which is what lets a staged update fail without its callers ever waiting.
 */
final class HealthGate implements AutoCloseable {

    private final BundleContext context;
    private final ServiceTracker<RegisterTests, RegisterTests> registerTests;

    HealthGate(BundleContext context) {
        this.context = context;
        this.registerTests = new ServiceTracker<>(context, RegisterTests.class, null);
        registerTests.open();
    }

    /**
     * Checks a staged update whose drivers have all arrived: each block it replaces once (register
     * description and register tests), each replaced contract's views through the new driver against
     * the running one.
     *
     * @param boundNanos how long each block's register description may take to appear
     * @return what was checked, for the history
     * @throws UpdateFailure with the first problem found
     */
    String check(StagedUpdate update, long boundNanos) throws UpdateFailure, InterruptedException {
        Map<ContractKey, Driver> arrived = update.drivers();
        Set<String> checked = new LinkedHashSet<>();
        Set<String> blocks = new LinkedHashSet<>();
        update.replaced().forEach(s -> blocks.add(s.key().block()));
        for (StableService s : update.replaced()) {
            ContractKey key = s.key();
            if (blocks.remove(key.block())) {
                checked.add(checkBlock(update.bundle(), key.block(), key.chip(), boundNanos));
            }
            DriverViews.compare(key, DriverViews.read(key, s.delegate()), DriverViews.read(key, arrived.get(key).service()));
        }
        return String.join("; ", checked);
    }

    /** The register description {@code bundle} publishes for one block, and the block's non-destructive register tests. */
    private String checkBlock(Bundle bundle, String block, Object chip, long boundNanos) throws UpdateFailure, InterruptedException {
        ServiceTracker<HardwareBlock, HardwareBlock> descriptions = descriptionOf(bundle, block, chip);
        descriptions.open();
        try {
            HardwareBlock description = descriptions.waitForService(Math.max(1, TimeUnit.NANOSECONDS.toMillis(boundNanos)));
            if (description == null) {
                throw new UpdateFailure("health gate: the new version published no register description of " + block
                        + " within " + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms");
            }
            RegisterTests tests = registerTests.getService();
            if (tests != null && chip instanceof Integer chipNumber) {
                return runRegisterTests(tests, chipNumber, block);
            }
            return "health gate: " + ConstantRegisters.verify(description, busOf(chip)) + " constant registers as described";
        } finally {
            descriptions.close();
        }
    }

    private static String runRegisterTests(RegisterTests tests, int chip, String block) throws UpdateFailure {
        TestRequest request = new TestRequest(chip, Optional.of(block), Optional.empty(), TestMode.NON_DESTRUCTIVE, 0,
                EnumSet.allOf(Suite.class));
        TestReport report = tests.run(request, null);
        if (!report.passed()) {
            CheckResult first = report.failures().get(0);
            throw new UpdateFailure("health gate (register tests, non-destructive): " + report.failures().size()
                    + " failed, first " + first.message());
        }
        return "health gate: " + report.count(Outcome.PASSED) + " non-destructive register checks passed";
    }

    /** The block's register description as published by {@code bundle} (not by the version before it). */
    private ServiceTracker<HardwareBlock, HardwareBlock> descriptionOf(Bundle bundle, String block, Object chip) throws UpdateFailure {
        String filter = "(&(objectClass=" + HardwareBlock.class.getName() + ")(" + HardwareBlock.BLOCK + "=" + block + ")("
                + ContractKey.CHIP + "=" + chip + "))";
        try {
            return new ServiceTracker<>(context, context.createFilter(filter), null) {
                @Override
                public HardwareBlock addingService(ServiceReference<HardwareBlock> ref) {
                    return bundle.equals(ref.getBundle()) ? super.addingService(ref) : null;
                }
            };
        } catch (InvalidSyntaxException e) {
            throw new UpdateFailure("block name " + block + " makes no valid filter");
        }
    }

    private RegisterBus busOf(Object chip) throws UpdateFailure {
        try {
            for (ServiceReference<RegisterBus> ref : context.getServiceReferences(RegisterBus.class, "(" + ContractKey.CHIP + "=" + chip + ")")) {
                RegisterBus bus = context.getService(ref);
                if (bus != null) {
                    context.ungetService(ref);
                    return bus;
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new UpdateFailure("chip " + chip + " makes no valid filter");
        }
        throw new UpdateFailure("health gate: no register bus for chip " + chip);
    }

    @Override
    public void close() {
        registerTests.close();
    }
}
