package io.halcyon.launcher.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code fleet demo}: the whole story in one command. A local fleet of N hosts (the first two hosts of
 * the second wave carry a generation-2 chip, the others generation 1), each running a workload; the
 * driver the hosts run released as the baseline distribution set and assigned to all (each host finds
 * it already running); a rebuilt version of the system-control driver released and rolled out (canary,
 * then three waves). With {@code --bad} the rebuilt version misaddresses its registers on a
 * generation-2 chip only: it passes the canary and the first wave, fails the health gate on the
 * generation-2 hosts, the rollout pauses in that wave, those hosts are rolled back and the last wave is
 * never touched. Then the report, and the fleet is stopped.
 */
final class Demo {

    static final String BLOCK = "sysctrl";
    static final String NEW_VERSION = "1.1.0";

    private Demo() {
    }

    /** Waves of a fleet of {@code hosts}: three after the canary. */
    static int waveSize(int hosts) {
        return Math.max(1, (hosts - 1 + 2) / 3);
    }

    /** The hosts (1-based) with a generation-2 chip: the first two of the second wave. */
    static Set<Integer> generation2Hosts(int hosts) {
        int first = 1 + waveSize(hosts) + 1;
        Set<Integer> out = new HashSet<>();
        for (int i = first; i < first + 2 && i <= hosts; i++) {
            out.add(i);
        }
        return out;
    }

    static Report run(Path root, Path dir, int hosts, boolean bad, Duration poll, PrintStream progress) throws Exception {
        Path versions = dir.resolveSibling(dir.getFileName() + "-versions");
        Files.createDirectories(versions);
        Path baseline = assemblyJar(root, "block-" + BLOCK + "-");
        Path next = buildVersion(root, versions, bad ? "fails-health-gate-on-generation-2" : "good", progress);
        Set<Integer> gen2 = generation2Hosts(hosts);
        LocalFleet fleet = LocalFleet.start(root, dir, new LocalFleet.Spec(hosts, poll, i -> gen2.contains(i) ? "reference_gen2" : "reference_gen1", Set.of()),
                progress);
        try {
            Mgmt mgmt = fleet.mgmt();
            Rollouts rollouts = new Rollouts(mgmt, progress, false);
            List<String> ids = fleet.hosts().stream().map(LocalFleet.Host::id).toList();
            long base = rollouts.release("halcyon-drivers", "baseline", List.of(baseline));
            mgmt.assign(base, ids);
            progress.println("fleet: baseline distribution set " + base + " (" + baseline.getFileName() + ", what the hosts run) assigned to every host");
            LocalFleet.waitFor(Duration.ofMinutes(3), "every host to report the baseline", () -> {
                try {
                    for (String id : ids) {
                        Mgmt.Action a = rollouts.actionFor(id, base);
                        if (a == null || !a.closed()) {
                            return false;
                        }
                        if (!a.succeeded()) {
                            throw new IllegalStateException(id + " failed the baseline: " + String.join(" | ", a.messages()));
                        }
                    }
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            long ds = rollouts.release("halcyon-drivers", NEW_VERSION + (bad ? "-bad" : ""), List.of(next));
            progress.println("fleet: released " + next.getFileName() + " as distribution set " + ds);
            Rollouts.Outcome o = rollouts.run("demo-" + (bad ? "bad" : "good"), ds, ids, waveSize(hosts), 80, 20, Duration.ofMinutes(10));
            return Report.of(fleet, o);
        } finally {
            fleet.stop();
        }
    }

    /** The jar of the host's emulation assembly whose file name starts with {@code prefix}. */
    static Path assemblyJar(Path root, String prefix) throws IOException {
        Path export = root.resolve("launcher/host/target/export/emulation");
        try (Stream<Path> s = Files.list(export)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + export));
        }
    }

    /** A rebuilt driver version, made on a soak host by {@code hal:driverversion}. */
    static Path buildVersion(Path root, Path dir, String flavour, PrintStream progress) throws IOException, InterruptedException {
        return buildVersions(root, dir, Map.of(NEW_VERSION, flavour), progress).get(NEW_VERSION);
    }

    /**
     * Rebuilt versions of the driver (version to flavour: {@code good}, {@code fails-health-gate-on-generation-2}, ...),
     * made by {@code hal:driverversion} on one soak host; returns the jars by version.
     */
    static Map<String, Path> buildVersions(Path root, Path dir, Map<String, String> flavours, PrintStream progress) throws IOException, InterruptedException {
        Map<String, Path> jars = new TreeMap<>();
        List<String> commands = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(flavours).entrySet()) {
            Path jar = dir.resolve("block-" + BLOCK + "-" + e.getKey() + "-" + e.getValue() + ".jar");
            Files.deleteIfExists(jar);
            jars.put(e.getKey(), jar);
            commands.add("hal:driverversion " + BLOCK + " " + e.getKey() + " " + e.getValue() + " " + jar);
        }
        progress.println("fleet: building " + jars.values().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + " (hal:driverversion on a soak host)");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("launcher/halcyon").toString(), "run", String.join("; ", commands))
                .redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile());
        pb.environment().put("HALCYON_DEPLOY", Files.createDirectories(dir.resolve("deploy")).toString());
        pb.environment().put("HALCYON_JAVA_OPTS", "-Dhalcyon.state=" + dir.resolve("state"));
        pb.environment().remove("HALCYON_CHIPS");
        int exit = pb.start().waitFor();
        for (Path jar : jars.values()) {
            if (exit != 0 || !Files.isRegularFile(jar)) {
                throw new IllegalStateException("building " + jar.getFileName() + " failed (exit " + exit + "): "
                        + String.join(" ", Files.readAllLines(dir.resolve("build.log"))));
            }
        }
        return jars;
    }
}
