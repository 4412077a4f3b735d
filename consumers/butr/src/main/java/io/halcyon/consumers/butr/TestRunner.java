package io.halcyon.consumers.butr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/**
 * Plans a request over register maps and runs it through one platform's register access. Reset checks
 * run first (they expect what reset left, so nothing may have been written before them), then every
 * other check; each group in an order shuffled with the request's seed. A bus error fails the check it
 * happened in and the run goes on.
 */
public final class TestRunner {

    private TestRunner() {
    }

    public static TestReport run(String platform, TestRequest request, List<BlockUnderTest> chipBlocks,
            RegisterAccess access, Budget budget, ProgressListener listener) {
        Plan plan = plan(request, chipBlocks, access);
        List<Check> order = order(plan.checks(), request.seed());
        int planned = plan.size();
        listener.started(platform, planned);
        List<CheckResult> results = new ArrayList<>(planned);
        long wallStart = System.nanoTime();
        long deviceStart = access.deviceTimeNanos();
        String stop = null;
        for (Check c : order) {
            if (stop == null) {
                stop = budget.exhausted(System.nanoTime() - wallStart, access.deviceTimeNanos() - deviceStart);
            }
            CheckResult r;
            if (stop != null) {
                r = c.skipped(stop);
            } else {
                try {
                    r = c.run(access);
                } catch (RuntimeException e) {
                    r = c.busError(e);
                }
            }
            results.add(r);
            listener.checked(r, results.size(), planned);
        }
        for (CheckResult r : plan.excluded()) {
            results.add(r);
            listener.checked(r, results.size(), planned);
        }
        return new TestReport(platform, request.chip(), request.mode(), request.seed(), results,
                System.nanoTime() - wallStart, access.deviceTimeNanos() - deviceStart);
    }

    /** Every check the request would run, reported as skipped for {@code reason} (a platform that is not there). */
    public static TestReport skipAll(String platform, TestRequest request, List<BlockUnderTest> chipBlocks,
            RegisterAccess plannedAccess, String reason, ProgressListener listener) {
        Plan plan = plan(request, chipBlocks, plannedAccess);
        listener.started(platform, plan.size());
        List<CheckResult> results = new ArrayList<>();
        for (Check c : order(plan.checks(), request.seed())) {
            results.add(c.skipped(reason));
            listener.checked(results.get(results.size() - 1), results.size(), plan.size());
        }
        for (CheckResult r : plan.excluded()) {
            results.add(r);
            listener.checked(r, results.size(), plan.size());
        }
        return new TestReport(platform, request.chip(), request.mode(), request.seed(), results, 0, 0);
    }

    static Plan plan(TestRequest request, List<BlockUnderTest> chipBlocks, RegisterAccess access) {
        Planner planner = new Planner(request.mode(), request.suites(), access);
        for (BlockUnderTest b : select(request, chipBlocks)) {
            if (request.register().isPresent()) {
                String name = request.register().get();
                boolean known = b.registers().stream().anyMatch(r -> r.name().equalsIgnoreCase(name))
                        || b.memories().stream().anyMatch(m -> m.name().equalsIgnoreCase(name));
                if (!known) {
                    throw new IllegalArgumentException("unknown register '" + name + "' in block " + b.name() + "; registers: "
                            + b.registers().stream().map(r -> r.name()).collect(Collectors.joining(", ")));
                }
            }
            planner.add(b, request.register());
        }
        return planner.plan();
    }

    private static List<BlockUnderTest> select(TestRequest request, List<BlockUnderTest> chipBlocks) {
        if (request.block().isEmpty()) {
            return chipBlocks;
        }
        String name = request.block().get();
        return List.of(chipBlocks.stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown block '" + name + "'; blocks: "
                        + (chipBlocks.isEmpty() ? "(none)" : chipBlocks.stream().map(BlockUnderTest::name).collect(Collectors.joining(", "))))));
    }

    private static List<Check> order(List<Check> checks, long seed) {
        Random random = new Random(seed);
        List<Check> resets = new ArrayList<>();
        List<Check> others = new ArrayList<>();
        for (Check c : checks) {
            (c.suite == Suite.RESET ? resets : others).add(c);
        }
        Collections.shuffle(resets, random);
        Collections.shuffle(others, random);
        resets.addAll(others);
        return resets;
    }
}
