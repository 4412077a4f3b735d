package io.halcyon.launcher.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.halcyon.launcher.fleet.agent.Json;

/**
 * {@code fleet bench}: for each fleet size and polling interval, a fresh local fleet takes the baseline,
 * then a good driver version is rolled out (canary and three waves) and timed from the start of the
 * rollout to its end; the hosts' resident memory is read while they run; and each host's workload
 * throughput (training calls per second, sampled from its status file every 50 ms) during its own swap
 * (the update manager's request, from its history record) is set against the 10 s before the rollout.
 */
final class Bench {

    private record Sample(long epochMillis, long calls) {
    }

    private Bench() {
    }

    static void run(Path root, Path dir, List<Integer> sizes, List<Integer> polls, PrintStream out) throws Exception {
        Path versions = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-versions"));
        Path good = Demo.buildVersion(root, versions, "good", System.err);
        Path baseline = Demo.assemblyJar(root, "block-sysctrl-");
        out.println("| hosts | polling | rollout (canary + 3 waves) | resident memory per host (mean, max) | workload during own swap vs before (median host, min) |");
        out.println("|---|---|---|---|---|");
        for (int n : sizes) {
            for (int poll : polls) {
                LocalFleet fleet = LocalFleet.start(root, dir, new LocalFleet.Spec(n, Duration.ofSeconds(poll), i -> "reference_gen1", Set.of()), System.err);
                try {
                    Mgmt mgmt = fleet.mgmt();
                    Rollouts rollouts = new Rollouts(mgmt, System.err, false);
                    List<String> ids = fleet.hosts().stream().map(LocalFleet.Host::id).toList();
                    long base = rollouts.release("halcyon-drivers", "baseline", List.of(baseline));
                    mgmt.assign(base, ids);
                    LocalFleet.waitFor(Duration.ofMinutes(5), "every host to take the baseline", () -> {
                        try {
                            for (String id : ids) {
                                Mgmt.Action a = rollouts.actionFor(id, base);
                                if (a == null || !a.closed()) {
                                    return false;
                                }
                            }
                            return true;
                        } catch (IOException e) {
                            return false;
                        }
                    });
                    Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
                    Thread sampler = new Thread(() -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            for (LocalFleet.Host h : fleet.hosts()) {
                                samples.computeIfAbsent(h.id(), k -> new CopyOnWriteArrayList<>())
                                        .add(new Sample(System.currentTimeMillis(), LocalFleet.workload(h).calls()));
                            }
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                    sampler.start();
                    long quietFrom = System.currentTimeMillis() + 500; // after the sampler's first pass over every host
                    Thread.sleep(10_500); // the "before" window: the workload undisturbed for 10 s
                    long before = System.currentTimeMillis();
                    long ds = rollouts.release("halcyon-drivers", "1.1.0", List.of(good));
                    long t0 = System.nanoTime();
                    Rollouts.Outcome o = rollouts.run("bench", ds, ids, Demo.waveSize(n), 80, 20, Duration.ofMinutes(15));
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long[] rss = fleet.hosts().stream().mapToLong(h -> LocalFleet.residentKiB(h.dir().resolve("host.pid"))).toArray();
                    sampler.interrupt();
                    sampler.join();
                    List<Double> ratios = new ArrayList<>();
                    for (LocalFleet.Host h : fleet.hosts()) {
                        long[] window = swapWindow(h);
                        List<Sample> s = samples.get(h.id());
                        if (window == null || s == null) {
                            continue;
                        }
                        double quiet = rate(s, quietFrom, before);
                        double during = rate(s, window[0], window[1]);
                        if (quiet > 0) {
                            ratios.add(during / quiet);
                        }
                    }
                    ratios.sort(Double::compare);
                    out.printf("| %d | %d s | %.1f s (%s, %d updated) | %d MB, %d MB | %s |%n", n, poll, seconds, o.state(),
                            o.groups().stream().mapToInt(Rollouts.Group::succeeded).sum(),
                            java.util.Arrays.stream(rss).sum() / rss.length / 1024, java.util.Arrays.stream(rss).max().orElse(0) / 1024,
                            ratios.isEmpty() ? "n/a" : String.format("%.0f %%, %.0f %%", 100 * ratios.get(ratios.size() / 2), 100 * ratios.get(0)));
                } finally {
                    fleet.stop();
                }
            }
        }
    }

    /** The host's own swap: its update record's start and start plus its phases, in epoch milliseconds. */
    private static long[] swapWindow(LocalFleet.Host h) throws IOException {
        if (!Files.exists(h.history())) {
            return null;
        }
        long[] window = null;
        for (String line : Files.readAllLines(h.history())) {
            Object o = Json.parse(line);
            if (Json.string(o, "outcome").equals("UPDATED") && Json.string(o, "who").startsWith("fleet action")) {
                long start = Instant.parse(Json.string(o, "at")).toEpochMilli();
                long nanos = Json.list(o, "phases").stream().mapToLong(p -> Json.number(p, 0, "nanos")).sum();
                window = new long[] {start, start + Math.max(1, nanos / 1_000_000)};
            }
        }
        return window;
    }

    /** Calls per second between the samples that bracket [from, to]. */
    private static double rate(List<Sample> s, long from, long to) {
        Sample a = null;
        Sample b = null;
        for (Sample x : s) {
            if (x.epochMillis() <= from) {
                a = x;
            }
            if (b == null && x.epochMillis() >= to) {
                b = x;
            }
        }
        if (a == null || b == null || b.epochMillis() == a.epochMillis()) {
            return 0;
        }
        return (b.calls() - a.calls()) * 1000.0 / (b.epochMillis() - a.epochMillis());
    }
}
