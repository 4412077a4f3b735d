package io.halcyon.launcher.gate;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.RegisterTests;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * The register checks of a staged block version: its own register description (published by the
 * staged bundle, never the running version's, though both are registered at that moment) must
 * appear, and the non-destructive register tests run on it: the BUTR engine's when it is installed
 * (every suite requested, the ones that would write reported skipped), else the constant fields read
 * against their described reset values ({@link ConstantRegisters}).
 */
final class StagedDescriptions {

    static final String REGISTER_TESTS = "register tests";

    private final BundleContext context;

    StagedDescriptions(BundleContext context) {
        this.context = context;
    }

    void check(Bundle staged, String chip, String block, long boundNanos, RegisterTests tests, Tally tally)
            throws GateFailure, InterruptedException {
        HardwareBlock description = awaitDescription(staged, chip, block, boundNanos);
        if (tests != null) {
            TestRequest request = new TestRequest(Integer.parseInt(chip), Optional.of(block), Optional.empty(), TestMode.NON_DESTRUCTIVE, 0,
                    EnumSet.allOf(Suite.class));
            TestReport report = tests.run(request, List.of(description), ProgressListener.NONE);
            tally.registerChecks += (int) report.count(Outcome.PASSED);
            tally.registerChecksSkipped += (int) report.count(Outcome.SKIPPED);
            tally.engine(REGISTER_TESTS);
            if (!report.passed()) {
                throw new GateFailure("health gate (register tests, non-destructive, on the new version's description): "
                        + report.failures().size() + " failed, first " + report.failures().get(0).message());
            }
        } else {
            tally.registerChecks += ConstantRegisters.verify(description, busOf(chip));
            tally.engine(ConstantRegisters.ENGINE);
        }
    }

    private HardwareBlock awaitDescription(Bundle staged, String chip, String block, long boundNanos) throws GateFailure, InterruptedException {
        ServiceTracker<HardwareBlock, HardwareBlock> descriptions = new ServiceTracker<>(context, filter(HardwareBlock.class, chip, block), null) {
            @Override
            public HardwareBlock addingService(ServiceReference<HardwareBlock> ref) {
                return staged.equals(ref.getBundle()) ? super.addingService(ref) : null;
            }
        };
        descriptions.open();
        try {
            HardwareBlock description = descriptions.waitForService(Math.max(1, TimeUnit.NANOSECONDS.toMillis(boundNanos)));
            if (description == null) {
                throw new GateFailure("health gate: the new version published no register description of " + block + " within "
                        + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms");
            }
            return description;
        } finally {
            descriptions.close();
        }
    }

    private RegisterBus busOf(String chip) throws GateFailure {
        try {
            for (ServiceReference<RegisterBus> ref : context.getServiceReferences(RegisterBus.class, "(" + ChipProperties.CHIP + "=" + chip + ")")) {
                RegisterBus bus = context.getService(ref);
                if (bus != null) {
                    context.ungetService(ref);
                    return bus;
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new GateFailure("chip " + chip + " makes no valid filter");
        }
        throw new GateFailure("health gate: no register bus for chip " + chip);
    }

    private org.osgi.framework.Filter filter(Class<?> type, String chip, String block) throws GateFailure {
        try {
            return context.createFilter("(&(objectClass=" + type.getName() + ")(" + HardwareBlock.BLOCK + "=" + block + ")("
                    + ChipProperties.CHIP + "=" + chip + "))");
        } catch (InvalidSyntaxException e) {
            throw new GateFailure("block " + block + " of chip " + chip + " makes no valid filter");
        }
    }
}
