package io.halcyon.launcher.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code fleet up}: a process of its own that starts the local fleet as its children and keeps it until
 * {@code fleet down} (which stops it by its pid file, {@code fleet.pid}) or until it dies, when its
 * children notice and exit. {@code fleet up} returns once the fleet is up.
 */
final class Supervisor {

    private Supervisor() {
    }

    static void up(Path root, Path dir, int hosts, Duration poll, Set<Integer> gen2, PrintStream out) throws IOException, InterruptedException {
        Path pid = dir.resolve("fleet.pid");
        if (Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("a fleet is already up in " + dir + " (launcher/halcyon fleet down first)");
        }
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        Files.createDirectories(dir.getParent());
        List<String> cmd = new ArrayList<>(List.of(LocalFleet.java(), "-Xmx128m", "-XX:+UseSerialGC", "-Dhalcyon.root=" + root,
                "-cp", System.getProperty("java.class.path"), Fleet.class.getName(), "__supervise", Integer.toString(hosts),
                "--poll", Long.toString(poll.toSeconds()), "--dir", dir.toString()));
        if (!gen2.isEmpty()) {
            cmd.add("--gen2");
            cmd.add(gen2.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        LocalFleet.waitFor(Duration.ofMinutes(6), "the fleet to come up (log: " + log + ")", () -> {
            if (!p.isAlive()) {
                String tail;
                try {
                    List<String> lines = Files.readAllLines(log);
                    tail = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
                } catch (IOException e) {
                    tail = "";
                }
                throw new IllegalStateException("the fleet did not come up: " + tail + " (log: " + log + ")");
            }
            return Files.exists(dir.resolve("up"));
        });
        LocalFleet fleet = LocalFleet.attach(root, dir);
        out.println("fleet: hawkBit at " + fleet.server() + " (user admin), " + fleet.hosts().size() + " hosts, each running a workload; folder "
                + dir + "; launcher/halcyon fleet down stops it");
    }

    static void supervise(Path root, Path dir, int hosts, Duration poll, Set<Integer> gen2) throws IOException, InterruptedException {
        LocalFleet fleet = LocalFleet.start(root, dir, new LocalFleet.Spec(hosts, poll, i -> gen2.contains(i) ? "reference_gen2" : "reference_gen1", Set.of()),
                System.out);
        Files.writeString(dir.resolve("fleet.pid"), Long.toString(ProcessHandle.current().pid()));
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fleet.stop();
            } catch (IOException e) {
                System.err.println("fleet: " + e.getMessage());
            }
            done.countDown();
        }));
        Files.writeString(dir.resolve("up"), "");
        done.await();
    }
}
