package io.halcyon.launcher.fleet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.halcyon.launcher.fleet.agent.Json;

/**
 * {@code launcher/halcyon fleet ...}: staged rollouts of HAL bundles on Eclipse hawkBit, and a local
 * fleet to run them on. Exit codes: 0 done (a rollout that paused and rolled its failed hosts back is
 * done too: it did what it should; {@code --json} says what happened), 1 an error (one line on stderr),
 * 2 usage.
 */
public final class Fleet {

    static final String USAGE = String.join("\n",
            "usage: launcher/halcyon fleet up N [--poll SECONDS] [--gen2 I,J,...] [--dir DIR]",
            "       launcher/halcyon fleet down [--dir DIR]",
            "       launcher/halcyon fleet status [--dir DIR]",
            "       launcher/halcyon fleet release NAME VERSION JAR... [--dir DIR]",
            "       launcher/halcyon fleet rollout DISTRIBUTION_SET_ID [--wave N] [--success PERCENT] [--error PERCENT] [--json] [--dir DIR]",
            "       launcher/halcyon fleet demo --hosts N [--bad] [--json] [--poll SECONDS] [--dir DIR]",
            "       launcher/halcyon fleet bench [--hosts N,M] [--poll S,T] [--dir DIR]");

    private Fleet() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(new Args(args), System.out, System.err));
        } catch (UsageException e) {
            System.err.println("halcyon fleet: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("halcyon fleet: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            System.exit(1);
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Positional words and --options (a value each, except the flags named in {@link #FLAGS}). */
    static final class Args {
        private static final Set<String> FLAGS = Set.of("--json", "--bad");
        final List<String> words = new ArrayList<>();
        final Map<String, String> options = new LinkedHashMap<>();

        Args(String[] args) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (FLAGS.contains(args[i])) {
                        options.put(args[i], "true");
                    } else if (i + 1 < args.length) {
                        options.put(args[i], args[++i]);
                    } else {
                        throw new UsageException(args[i] + " needs a value");
                    }
                } else {
                    words.add(args[i]);
                }
            }
        }

        String word(int i, String what) {
            if (words.size() <= i) {
                throw new UsageException("missing " + what);
            }
            return words.get(i);
        }

        int number(String option, int orElse) {
            String v = options.get(option);
            try {
                return v == null ? orElse : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new UsageException(option + " wants a number, not " + v);
            }
        }

        boolean flag(String option) {
            return options.containsKey(option);
        }
    }

    static Path root() {
        return Path.of(System.getProperty("halcyon.root", ".")).toAbsolutePath().normalize();
    }

    static Path dir(Args a) {
        String d = a.options.get("--dir");
        return d != null ? Path.of(d).toAbsolutePath() : root().resolve("launcher/host/target/fleet");
    }

    static int run(Args a, PrintStream out, PrintStream err) throws Exception {
        String command = a.word(0, "a command (up, down, status, release, rollout, demo)");
        switch (command) {
            case "up" -> {
                int n = positive(a.word(1, "N, the number of hosts"), "N");
                Supervisor.up(root(), dir(a), n, Duration.ofSeconds(a.number("--poll", 1)), indices(a.options.get("--gen2")), out);
                return 0;
            }
            case "__supervise" -> {
                Supervisor.supervise(root(), dir(a), positive(a.word(1, "N"), "N"), Duration.ofSeconds(a.number("--poll", 1)), indices(a.options.get("--gen2")));
                return 0;
            }
            case "down" -> {
                int stopped = LocalFleet.down(dir(a));
                out.println(stopped == 0 ? "fleet: nothing was running in " + dir(a) : "fleet: stopped the fleet in " + dir(a));
                return 0;
            }
            case "status" -> {
                LocalFleet fleet = LocalFleet.attach(root(), dir(a));
                Mgmt mgmt = fleet.mgmt();
                out.println("hawkBit at " + fleet.server());
                for (LocalFleet.Host h : fleet.hosts()) {
                    LocalFleet.Workload w = LocalFleet.workload(h);
                    Object t = mgmt.target(h.id());
                    long rss = LocalFleet.residentKiB(h.dir().resolve("host.pid"));
                    out.printf("%s  %-16s installed DS %-4s %-10s last poll %s  workload %d calls, %d failed  %s%n", h.id(), h.chips(),
                            mgmt.installedDistributionSet(h.id()) < 0 ? "-" : String.valueOf(mgmt.installedDistributionSet(h.id())),
                            Json.string(t, "updateStatus"), Json.at(t, "lastControllerRequestAt") == null ? "never (token? log: " + h.dir().resolve("host.log") + ")" : "ok",
                            w.calls(), w.failed(), rss < 0 ? "not running" : (rss / 1024) + " MB resident");
                }
                return 0;
            }
            case "release" -> {
                LocalFleet fleet = LocalFleet.attach(root(), dir(a));
                List<Path> jars = new ArrayList<>();
                for (String j : a.words.subList(3, Math.max(3, a.words.size()))) {
                    jars.add(Path.of(j));
                }
                if (jars.isEmpty()) {
                    throw new UsageException("release needs at least one JAR");
                }
                long ds = new Rollouts(fleet.mgmt(), err, false).release(a.word(1, "NAME"), a.word(2, "VERSION"), jars);
                out.println(ds);
                return 0;
            }
            case "rollout" -> {
                LocalFleet fleet = LocalFleet.attach(root(), dir(a));
                long ds = Long.parseLong(a.word(1, "DISTRIBUTION_SET_ID"));
                boolean json = a.flag("--json");
                List<String> hosts = fleet.hosts().stream().map(LocalFleet.Host::id).toList();
                int wave = a.number("--wave", Math.max(1, (hosts.size() - 1 + 2) / 3));
                int error = a.number("--error", 20);
                int success = a.number("--success", 100 - error);
                Rollouts rollouts = new Rollouts(fleet.mgmt(), json ? err : out, !json && System.console() != null);
                Rollouts.Outcome o = rollouts.run("rollout-" + ds + "-" + System.currentTimeMillis(), ds, hosts, wave, success, error, Duration.ofMinutes(15));
                Report r = Report.of(fleet, o);
                out.println(json ? r.json() : r.text());
                return 0;
            }
            case "demo" -> {
                int n = positive(a.options.getOrDefault("--hosts", "10"), "--hosts");
                Report r = Demo.run(root(), dir(a), n, a.flag("--bad"), Duration.ofSeconds(a.number("--poll", 1)), a.flag("--json") ? err : out);
                out.println(a.flag("--json") ? r.json() : r.text());
                return 0;
            }
            case "bench" -> {
                Bench.run(root(), dir(a), numbers(a.options.getOrDefault("--hosts", "10,20")), numbers(a.options.getOrDefault("--poll", "1,5")), out);
                return 0;
            }
            default -> throw new UsageException("unknown command " + command);
        }
    }

    static int positive(String s, String what) {
        try {
            int n = Integer.parseInt(s);
            if (n < 1) {
                throw new UsageException(what + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(what + " wants a number, not " + s);
        }
    }

    static List<Integer> numbers(String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : list.split(",")) {
            out.add(positive(s.trim(), list));
        }
        return out;
    }

    static Set<Integer> indices(String list) {
        Set<Integer> out = new HashSet<>();
        if (list != null && !list.isBlank()) {
            for (String s : list.split(",")) {
                out.add(positive(s.trim(), "--gen2"));
            }
        }
        return out;
    }
}
