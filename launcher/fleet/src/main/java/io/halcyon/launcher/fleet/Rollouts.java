package io.halcyon.launcher.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.halcyon.launcher.fleet.agent.BundleJars;
import io.halcyon.launcher.fleet.agent.Json;

/**
 * Releases and staged rollouts on hawkBit: a set of bundle jars becomes a distribution set (one
 * software module per bundle, named and versioned as the bundle); a rollout is a canary group of one
 * host that tolerates no error, then waves of a given size, each with a success condition and an error
 * threshold whose crossing pauses the rollout (hawkBit's error action PAUSE). hawkBit has no automatic
 * rollback, so on a pause the hosts that failed are assigned the distribution set they had installed
 * before, and the command waits until they report it applied.
 */
final class Rollouts {

    /** One group of a rollout as it ended. */
    record Group(String name, List<String> hosts, int succeeded, int failed, String state) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("hosts", hosts.size());
            m.put("succeeded", succeeded);
            m.put("failed", failed);
            m.put("state", state);
            return m;
        }
    }

    /**
     * How a rollout ended.
     *
     * @param state hawkBit's rollout state at the end ({@code finished} or {@code paused})
     * @param failed the hosts whose action failed, with hawkBit's messages of the failure
     * @param rolledBack the failed hosts now back on the distribution set they had before
     */
    record Outcome(long rollout, long distributionSet, String state, List<Group> groups, Map<String, List<String>> failed,
            List<String> rolledBack, List<String> rollbackProblems) {
    }

    private final Mgmt mgmt;
    private final PrintStream progress;
    private final boolean redraw;

    Rollouts(Mgmt mgmt, PrintStream progress, boolean redraw) {
        this.mgmt = mgmt;
        this.progress = progress;
        this.redraw = redraw;
    }

    /** Uploads the jars as one distribution set {@code name version}; returns its id. */
    long release(String name, String version, List<Path> jars) throws IOException {
        List<Long> modules = new ArrayList<>();
        for (Path jar : jars) {
            BundleJars.Jar b = BundleJars.read(jar.toString(), jar);
            // A bundle version is one software module, made once: a later set that holds the same bundle version uses it
            // again, provided its artifact has the same bytes.
            long module = mgmt.findModule(b.symbolicName(), b.version());
            if (module < 0) {
                module = mgmt.createModule(b.symbolicName(), b.version(), "bundle " + b.symbolicName() + " " + b.version());
                mgmt.upload(module, jar);
            }
            List<String> stored = mgmt.artifactSha256s(module);
            if (!stored.equals(List.of(b.sha256()))) {
                throw new IOException(jar + ": hawkBit's module " + b.symbolicName() + " " + b.version() + " holds other bytes (SHA-256 "
                        + stored + ", the file has " + b.sha256() + "); give the bundle a new version");
            }
            modules.add(module);
        }
        return mgmt.createDistributionSet(name, version, modules);
    }

    /** The groups of a rollout over {@code hosts}: the first host alone (canary), then waves of {@code waveSize}. */
    static List<List<String>> plan(List<String> hosts, int waveSize) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a rollout needs at least one host");
        }
        if (waveSize < 1) {
            throw new IllegalArgumentException("--wave must be at least 1");
        }
        List<List<String>> groups = new ArrayList<>();
        groups.add(List.of(hosts.get(0)));
        for (int i = 1; i < hosts.size(); i += waveSize) {
            groups.add(List.copyOf(hosts.subList(i, Math.min(hosts.size(), i + waveSize))));
        }
        return groups;
    }

    static String groupName(int index) {
        return index == 0 ? "canary" : "wave-" + index;
    }

    /**
     * Creates, starts and follows a rollout of {@code ds} to {@code hosts}; on a pause, rolls the failed hosts
     * back.
     *
     * @param errorPercent a wave's error threshold: the rollout pauses when more than this share of a wave failed
     * @param successPercent the share of a wave that must succeed before the next wave starts
     */
    Outcome run(String name, long ds, List<String> hosts, int waveSize, int successPercent, int errorPercent, Duration timeout)
            throws IOException, InterruptedException {
        List<List<String>> plan = plan(hosts, waveSize);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", groupName(i));
            g.put("targetFilterQuery", "controllerId=in=(" + String.join(",", plan.get(i)) + ")");
            g.put("targetPercentage", 100);
            // The canary tolerates no error and must succeed whole; a wave as asked.
            g.put("successCondition", Map.of("condition", "THRESHOLD", "expression", String.valueOf(i == 0 ? 100 : successPercent)));
            g.put("successAction", Map.of("action", "NEXTGROUP", "expression", ""));
            g.put("errorCondition", Map.of("condition", "THRESHOLD", "expression", String.valueOf(i == 0 ? 0 : errorPercent)));
            g.put("errorAction", Map.of("action", "PAUSE", "expression", ""));
            groups.add(g);
        }
        Map<String, Object> rollout = new LinkedHashMap<>();
        rollout.put("name", name);
        rollout.put("distributionSetId", ds);
        rollout.put("targetFilterQuery", "controllerId=in=(" + String.join(",", hosts) + ")");
        rollout.put("type", "forced");
        rollout.put("groups", groups);
        long id = mgmt.createRollout(rollout);
        LocalFleet.waitFor(Duration.ofSeconds(60), "hawkBit to create rollout " + name + "'s groups", () -> state(id).equals("ready"));
        mgmt.startRollout(id);
        progress.println("rollout " + name + " (id " + id + "): distribution set " + ds + " to " + hosts.size() + " hosts in " + plan.size()
                + " groups (canary 1, waves of " + waveSize + "; a wave needs " + successPercent + " % succeeded, pauses above " + errorPercent
                + " % failed)");
        List<Group> last = watch(id, ds, timeout);
        String state = state(id);
        Map<String, List<String>> failed = new LinkedHashMap<>();
        for (Group g : last) {
            for (String host : g.hosts()) {
                Mgmt.Action a = actionFor(host, ds);
                if (a != null && a.failed()) {
                    failed.put(host, a.messages());
                }
            }
        }
        List<String> rolledBack = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!failed.isEmpty()) {
            rollBack(ds, failed.keySet(), rolledBack, problems);
        }
        return new Outcome(id, ds, state, last, failed, rolledBack, problems);
    }

    private String state(long rollout) {
        try {
            return Json.string(mgmt.rollout(rollout), "status");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Follows the groups until the rollout is finished or paused; prints a line per group whenever it changes. */
    private List<Group> watch(long rollout, long ds, Duration timeout) throws IOException, InterruptedException {
        Map<String, List<String>> members = new LinkedHashMap<>();
        long end = System.nanoTime() + timeout.toNanos();
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Integer> running = new LinkedHashMap<>();
        List<Group> groups;
        while (true) {
            String state = state(rollout);
            groups = new ArrayList<>();
            for (Object listed : mgmt.groups(rollout)) {
                String name = Json.string(listed, "name");
                long groupId = Json.number(listed, -1, "id");
                // A group's own resource has its counts per action status (the list has not); its hosts are known once
                // hawkBit has filled it.
                Object g = mgmt.group(rollout, groupId);
                if (members.getOrDefault(name, List.of()).isEmpty()) {
                    members.put(name, mgmt.groupTargets(rollout, groupId));
                }
                int ok = (int) Json.number(g, 0, "totalTargetsPerStatus", "finished");
                int bad = (int) Json.number(g, 0, "totalTargetsPerStatus", "error");
                int busy = (int) Json.number(g, 0, "totalTargetsPerStatus", "running");
                running.put(name, busy);
                Group group = new Group(name, members.getOrDefault(name, List.of()), ok, bad, Json.string(g, "status"));
                groups.add(group);
                String line = String.format("  %-8s %2d hosts  %s  %2d succeeded %2d failed %2d running  %s", name, group.hosts().size(),
                        bar(ok, bad, group.hosts().size()), ok, bad, busy, group.state());
                if (!line.equals(shown.get(name))) {
                    shown.put(name, line);
                    if (!redraw) {
                        progress.println(line);
                    }
                }
            }
            if (redraw) {
                progress.print("\033[" + groups.size() + "A");
                shown.values().forEach(l -> progress.println("\033[2K" + l));
            }
            // Done when hawkBit says so and no host of a started group is still at work (a pause stops further
            // groups, not the hosts already applying it).
            boolean busy = groups.stream().anyMatch(g -> running.getOrDefault(g.name(), 0) > 0);
            if ((state.equals("finished") || state.equals("paused") || state.equals("stopped")) && !busy) {
                progress.println("rollout " + state);
                return groups;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("rollout " + rollout + " still " + state + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static String bar(int ok, int bad, int total) {
        int width = 12;
        if (total == 0) {
            return "[" + " ".repeat(width) + "]";
        }
        int o = ok * width / total;
        int b = Math.min(width - o, (bad * width + total - 1) / total);
        return "[" + "#".repeat(o) + "x".repeat(b) + ".".repeat(width - o - b) + "]";
    }

    /** The host's newest action for distribution set {@code ds}, or null. */
    Mgmt.Action actionFor(String host, long ds) throws IOException {
        Mgmt.Action found = null;
        for (Mgmt.Action a : mgmt.actions(host)) {
            if (a.distributionSet() == ds) {
                found = a;
            }
        }
        return found;
    }

    /** Assigns each failed host the distribution set it had installed before and waits until it reports it applied. */
    private void rollBack(long ds, Iterable<String> hosts, List<String> rolledBack, List<String> problems) throws IOException, InterruptedException {
        Map<String, Long> previous = new LinkedHashMap<>();
        for (String host : hosts) {
            long before = mgmt.installedDistributionSet(host);
            if (before < 0 || before == ds) {
                problems.add(host + ": no previous distribution set installed in hawkBit; the host's own rollback is what it runs");
                continue;
            }
            previous.put(host, before);
            mgmt.assign(before, List.of(host));
            progress.println("  " + host + ": failed; assigned the previous distribution set " + before);
        }
        LocalFleet.waitFor(Duration.ofSeconds(120), "the failed hosts to report the previous distribution set applied", () -> {
            try {
                for (Map.Entry<String, Long> e : previous.entrySet()) {
                    Mgmt.Action a = actionFor(e.getKey(), e.getValue());
                    if (a == null || !a.closed()) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        for (Map.Entry<String, Long> e : previous.entrySet()) {
            Mgmt.Action a = actionFor(e.getKey(), e.getValue());
            if (Objects.requireNonNull(a).succeeded()) {
                rolledBack.add(e.getKey());
            } else {
                problems.add(e.getKey() + ": the previous distribution set failed too: " + String.join(" | ", a.messages()));
            }
        }
    }
}
