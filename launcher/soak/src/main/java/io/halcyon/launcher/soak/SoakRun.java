package io.halcyon.launcher.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * Proof 1 of live update: the training workload runs undisturbed once, then again (same plan) while
 * the block bundles named are replaced one after the other by new versions; the weights must be
 * bit-identical and no call may fail. With bad versions in the mix, each must be rolled back and
 * change nothing either.
 */
final class SoakRun {

    /** A swap costs tens of milliseconds; the disturbed run is made long enough for every update. */
    private static final double MILLIS_PER_UPDATE_ESTIMATE = 120;

    /** One update to make: which block, which jar, and whether it is meant to be rolled back. */
    private record Planned(String block, Bundle bundle, Version version, Path jar, boolean bad) {}

    private final UpdateManager manager;
    private final MlpTraining training;
    private final Map<String, Bundle> blocks;
    private final List<ProbeCallers.Probe> probes;

    SoakRun(UpdateManager manager, MlpTraining training, Map<String, Bundle> blocks, List<ProbeCallers.Probe> probes) {
        this.manager = manager;
        this.training = training;
        this.blocks = blocks;
        this.probes = probes;
    }

    SoakReport run(int updates, boolean withBadVersions) throws Exception {
        List<String> problems = new ArrayList<>();
        Deque<Planned> plan = planUpdates(updates, withBadVersions);
        TrainingPlan trainingPlan = training.plan();
        TrainingResult calibration = training.train(trainingPlan, TrainingListener.NONE);
        double msPerStep = calibration.wallMillis() / trainingPlan.steps();
        int steps = (int) Math.max(trainingPlan.steps(), Math.ceil(plan.size() * MILLIS_PER_UPDATE_ESTIMATE / msPerStep));
        TrainingPlan soakPlan = trainingPlan.withSteps(steps);
        String reference = steps == trainingPlan.steps() ? calibration.weightsChecksum()
                : training.train(soakPlan, TrainingListener.NONE).weightsChecksum();

        List<String> checksums = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        Map<String, Integer> perBlock = new LinkedHashMap<>();
        int done = 0;
        int rollbacks = 0;
        long failedRuns = 0;
        ProbeCallers callers = new ProbeCallers(probes);
        try {
            while (!plan.isEmpty()) {
                CompletableFuture<TrainingResult> run = CompletableFuture.supplyAsync(() -> training.train(soakPlan, TrainingListener.NONE));
                while (!run.isDone() && !plan.isEmpty()) {
                    Planned next = plan.poll();
                    UpdateRecord r = manager.update(next.bundle().getSymbolicName(), next.jar(), "soak");
                    if (next.bad()) {
                        if (r.outcome() == Outcome.ROLLED_BACK) {
                            rollbacks++;
                        } else {
                            problems.add("bad version " + next.jar().getFileName() + " was not rolled back: " + r.summary());
                        }
                    } else if (r.outcome() == Outcome.UPDATED && runsBuild(next)) {
                        done++;
                        pauses.add(r.pauseNanos());
                        perBlock.merge(next.block(), 1, Integer::sum);
                    } else {
                        rollbacks += r.outcome() == Outcome.ROLLED_BACK ? 1 : 0;
                        problems.add("good version did not take over: " + r.summary());
                    }
                }
                try {
                    checksums.add(run.get().weightsChecksum());
                } catch (ExecutionException e) {
                    failedRuns++;
                    problems.add("training run failed: " + e.getCause());
                }
            }
        } finally {
            callers.close();
        }
        if (callers.firstFailure() != null) {
            problems.add("probe call failed: " + callers.firstFailure());
        }
        boolean identical = !checksums.isEmpty() && checksums.stream().allMatch(reference::equals);
        return new SoakReport(done, rollbacks, failedRuns + callers.failures(), identical, Percentiles.ofNanos(pauses), reference,
                checksums, perBlock, steps, callers.calls(), problems);
    }

    /** Good versions round-robin over the blocks; with bad versions, one of each kind spread through the run. */
    private Deque<Planned> planUpdates(int updates, boolean withBadVersions) throws Exception {
        Path dir = Files.createTempDirectory("halcyon-soak-versions-");
        List<String> names = new ArrayList<>(blocks.keySet());
        Map<String, List<Version>> versions = new LinkedHashMap<>();
        for (int i = 0; i < updates; i++) {
            String block = names.get(i % names.size());
            Version base = blocks.get(block).getVersion();
            List<Version> vs = versions.computeIfAbsent(block, b -> new ArrayList<>());
            vs.add(new Version(base.getMajor(), base.getMinor(), base.getMicro() + vs.size() + 1));
        }
        Map<String, Deque<Planned>> good = new LinkedHashMap<>();
        for (Map.Entry<String, List<Version>> e : versions.entrySet()) {
            Bundle b = blocks.get(e.getKey());
            List<Path> jars = new DriverVariants(b).build(e.getValue(), Flavour.GOOD, dir);
            Deque<Planned> queue = new ArrayDeque<>();
            for (int i = 0; i < jars.size(); i++) {
                queue.add(new Planned(e.getKey(), b, e.getValue().get(i), jars.get(i), false));
            }
            good.put(e.getKey(), queue);
        }
        Deque<Planned> order = new ArrayDeque<>();
        for (int i = 0; i < updates; i++) {
            order.add(good.get(names.get(i % names.size())).poll());
        }
        if (withBadVersions) {
            insertBadVersions(order, names, dir);
        }
        return order;
    }

    private void insertBadVersions(Deque<Planned> order, List<String> names, Path dir) throws Exception {
        List<Planned> list = new ArrayList<>(order);
        Flavour[] bad = {Flavour.ACTIVATION_THROWS, Flavour.MISSING_IMPORT, Flavour.FAILS_HEALTH_GATE};
        for (int k = 0; k < bad.length; k++) {
            // The health gate compares HBM's size and state through old and new driver: a misaddressing HBM build shows.
            String block = bad[k] == Flavour.FAILS_HEALTH_GATE && blocks.containsKey("hbm") ? "hbm" : names.get(k % names.size());
            Bundle b = blocks.get(block);
            Version v = new Version(9, 9, k);
            Path jar = new DriverVariants(b).build(List.of(v), bad[k], dir).get(0);
            list.add(Math.min(list.size(), (k + 1) * list.size() / (bad.length + 1)), new Planned(block, b, v, jar, true));
        }
        order.clear();
        order.addAll(list);
    }

    /**
     * The running bundle is the version asked for and its generated class, with that build constant, is
     * loadable. Looked up by name: each version runs as a bundle of its own, installed beside the one it
     * replaced, so the bundle the plan started from is gone after the first swap.
     */
    private static boolean runsBuild(Planned p) {
        Bundle running = running(p.bundle().getSymbolicName());
        if (running == null || !running.getVersion().equals(p.version())) {
            return false;
        }
        String marker = "_v" + p.version().toString().replace('.', '_');
        try {
            for (java.net.URL entry : java.util.Collections.list(running.findEntries("/", "*" + marker + ".class", true))) {
                String className = entry.getPath().substring(1).replace(".class", "").replace('/', '.');
                Object build = running.loadClass(className).getField("BUILD").get(null);
                if (!p.version().toString().equals(build)) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException | NullPointerException e) {
            return false;
        }
    }

    private static Bundle running(String symbolicName) {
        for (Bundle b : FrameworkUtil.getBundle(SoakRun.class).getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                return b;
            }
        }
        return null;
    }
}
