package io.halcyon.launcher.soak;

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
 * The block phase of the soak: the training workload runs undisturbed once, then again (same plan)
 * while the block bundles named are replaced one after the other by new versions, round-robin; the
 * weights must be bit-identical and no call may fail. With bad versions in the mix (a version of every
 * block that misaddresses its registers, one whose activation throws, one with a missing import), each
 * must be rolled back and change nothing either; the misaddressing ones by the health gate.
 */
final class SoakRun {

    /** A swap costs tens of milliseconds; the disturbed run is made long enough for every update. */
    private static final double MILLIS_PER_UPDATE_ESTIMATE = 120;

    /** One update to make: which block, which jar, and how it was built (anything but GOOD must be rolled back). */
    private record Planned(String block, Bundle bundle, Version version, Path jar, Flavour flavour) {
        boolean bad() {
            return flavour != Flavour.GOOD;
        }
    }

    /** What trains while the updates happen: chip 0's workload, or the data-parallel one on every chip. */
    interface Workload {
        TrainingPlan plan();

        TrainingResult train(TrainingPlan plan);

        /** Chip 0's training workload. */
        static Workload of(MlpTraining training) {
            return new Workload() {
                @Override
                public TrainingPlan plan() {
                    return training.plan();
                }

                @Override
                public TrainingResult train(TrainingPlan plan) {
                    return training.train(plan, TrainingListener.NONE);
                }
            };
        }
    }

    private final UpdateManager manager;
    private final Workload training;
    private final Map<String, Bundle> blocks;
    private final ProbeCallers.Probe probe;
    private final Path dir;

    /** @param dir where the versions' jars are written (the soak bundle's data area) */
    SoakRun(UpdateManager manager, Workload training, Map<String, Bundle> blocks, ProbeCallers.Probe probe, Path dir) {
        this.manager = manager;
        this.training = training;
        this.blocks = blocks;
        this.probe = probe;
        this.dir = dir;
    }

    SoakReport run(int updates, boolean withBadVersions) throws Exception {
        List<String> problems = new ArrayList<>();
        Deque<Planned> plan = planUpdates(updates, withBadVersions);
        TrainingPlan trainingPlan = training.plan();
        TrainingResult calibration = training.train(trainingPlan);
        double msPerStep = calibration.wallMillis() / trainingPlan.steps();
        int steps = (int) Math.max(trainingPlan.steps(), Math.ceil(plan.size() * MILLIS_PER_UPDATE_ESTIMATE / msPerStep));
        TrainingPlan soakPlan = trainingPlan.withSteps(steps);
        String reference = steps == trainingPlan.steps() ? calibration.weightsChecksum()
                : training.train(soakPlan).weightsChecksum();

        List<String> checksums = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        Map<String, Integer> perBlock = new LinkedHashMap<>();
        List<String> misaddressedRejected = new ArrayList<>();
        int done = 0;
        int rollbacks = 0;
        long failedRuns = 0;
        ProbeCallers callers = new ProbeCallers(List.of(probe));
        try {
            while (!plan.isEmpty()) {
                CompletableFuture<TrainingResult> run = CompletableFuture.supplyAsync(() -> training.train(soakPlan));
                while (!run.isDone() && !plan.isEmpty()) {
                    Planned next = plan.poll();
                    UpdateRecord r = manager.update(next.bundle().getSymbolicName(), next.jar(), "soak");
                    if (next.bad()) {
                        if (r.outcome() == Outcome.ROLLED_BACK) {
                            rollbacks++;
                            if (next.flavour() == Flavour.FAILS_HEALTH_GATE && r.detail().startsWith("health gate")) {
                                misaddressedRejected.add(next.block());
                            }
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
                checksums, perBlock, steps, callers.calls(), misaddressedRejected, null, problems);
    }

    /**
     * Good versions round-robin over the blocks; with bad versions, a misaddressing one of every block
     * and one of each other kind, spread through the run.
     */
    private Deque<Planned> planUpdates(int updates, boolean withBadVersions) throws Exception {
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
                queue.add(new Planned(e.getKey(), b, e.getValue().get(i), jars.get(i), Flavour.GOOD));
            }
            good.put(e.getKey(), queue);
        }
        Deque<Planned> order = new ArrayDeque<>();
        for (int i = 0; i < updates; i++) {
            order.add(good.get(names.get(i % names.size())).poll());
        }
        if (withBadVersions) {
            insertBadVersions(order, names);
        }
        return order;
    }

    private void insertBadVersions(Deque<Planned> order, List<String> names) throws Exception {
        List<Planned> bad = new ArrayList<>();
        for (String block : names) {
            bad.add(badVersion(block, Flavour.FAILS_HEALTH_GATE, bad.size()));
        }
        bad.add(badVersion(names.get(0), Flavour.ACTIVATION_THROWS, bad.size()));
        bad.add(badVersion(names.get(names.size() > 1 ? 1 : 0), Flavour.MISSING_IMPORT, bad.size()));
        List<Planned> list = new ArrayList<>(order);
        int good = list.size();
        for (int k = 0; k < bad.size(); k++) {
            // Evenly among the good ones: after (k+1)/(n+1) of them, plus the k bad ones inserted before.
            list.add((k + 1) * good / (bad.size() + 1) + k, bad.get(k));
        }
        order.clear();
        order.addAll(list);
    }

    private Planned badVersion(String block, Flavour flavour, int index) throws Exception {
        Bundle b = blocks.get(block);
        Version v = new Version(9, 9, index);
        return new Planned(block, b, v, new DriverVariants(b).build(List.of(v), flavour, dir).get(0), flavour);
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
