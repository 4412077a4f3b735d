package io.halcyon.launcher.fleet;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.halcyon.launcher.fleet.agent.Json;

/**
 * A fleet on this machine, for tests and demos: hawkBit and N hosts, each host a {@code launcher/halcyon}
 * process with its own emulated chip(s), its agent pointed at the server and {@code fleet:host} running
 * a workload. Everything binds to loopback; each process has a pid file in the fleet's folder, and every
 * one exits when the process that started it is gone (hawkBit watches its parent, {@code fleet:host}
 * too), so a killed starter leaves no orphan.
 *
 * <p>Layout of the folder: {@code fleet.json} (server URL, hosts, tokens, chips), {@code server/}
 * (hawkBit's database, artifacts, log), {@code host-NN/} (the host's state directory with its update
 * history and the agent's action log, its log, its workload status {@code status.json}), {@code *.pid}.
 */
final class LocalFleet {

    /** One host of the fleet. */
    record Host(String id, String token, String chips, Path dir) {
        Path status() {
            return dir.resolve("status.json");
        }

        Path history() {
            return dir.resolve("state/update/history.jsonl");
        }
    }

    /**
     * What a starter asks for: how many hosts, the chip maps of host i (1-based, HALCYON_CHIPS), how often
     * they poll, and which hosts are given a token the server does not know (bad-input tests).
     */
    record Spec(int hosts, Duration polling, java.util.function.IntFunction<String> chipsOf, java.util.Set<Integer> wrongToken) {
    }

    static final String USER = "admin";

    private final Path root;
    private final Path dir;
    /** hawkBit first, then the hosts in order. */
    private final List<Process> processes = new ArrayList<>();
    private List<String> serverCommand;
    private String server;
    private final List<Host> hosts = new ArrayList<>();

    private LocalFleet(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    String server() {
        return server;
    }

    List<Host> hosts() {
        return hosts;
    }

    Mgmt mgmt() {
        return new Mgmt(server, USER, USER);
    }

    /** Starts hawkBit and the hosts as children of this process, and waits until every host polls and runs its workload. */
    static LocalFleet start(Path root, Path dir, Spec spec, java.io.PrintStream progress) throws IOException, InterruptedException {
        if (Files.exists(dir.resolve("fleet.pid")) && alive(dir.resolve("fleet.pid")).isPresent()) {
            throw new IllegalStateException("a fleet is already up in " + dir + " (launcher/halcyon fleet down first)");
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        LocalFleet fleet = new LocalFleet(root, dir);
        try {
            fleet.startServer(spec.polling(), progress);
            fleet.startHosts(spec, progress);
        } catch (IOException | RuntimeException | InterruptedException e) {
            fleet.stop();
            throw e;
        }
        return fleet;
    }

    /** The fleet another process started in {@code dir} (fleet.json), for commands that only talk to it. */
    static LocalFleet attach(Path root, Path dir) throws IOException {
        Path file = dir.resolve("fleet.json");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no fleet in " + dir + " (launcher/halcyon fleet up N starts one)");
        }
        Object o = Json.parse(Files.readString(file));
        LocalFleet fleet = new LocalFleet(root, dir);
        fleet.server = Json.string(o, "server");
        for (Object h : Json.list(o, "hosts")) {
            fleet.hosts.add(new Host(Json.string(h, "id"), Json.string(h, "token"), Json.string(h, "chips"), dir.resolve(Json.string(h, "id"))));
        }
        return fleet;
    }

    private void startServer(Duration polling, java.io.PrintStream progress) throws IOException, InterruptedException {
        Path jar = root.resolve("launcher/fleet-server/target/launcher-fleet-server-1.0.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no hawkBit server at " + jar + " (mvn package -pl launcher/fleet-server)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        server = "http://127.0.0.1:" + port;
        Path data = Files.createDirectories(dir.resolve("server"));
        long seconds = Math.max(1, polling.toSeconds());
        String poll = String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        List<String> cmd = List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Dhalcyon.fleet.parent=true",
                "-jar", jar.toString(), "--server.port=" + port, "--halcyon.fleet.data=" + data,
                "--hawkbit.controller.pollingTime=" + poll, "--hawkbit.controller.minPollingTime=00:00:01",
                // The rollout scheduler creates groups, starts the next group and checks the thresholds: every second, not every 30.
                "--hawkbit.rollout.scheduler.fixedDelay=1000");
        serverCommand = cmd;
        processes.add(null);
        launchServer();
        progress.println("fleet: hawkBit 0.3.0M7 starting at " + server);
        awaitServer();
    }

    /**
     * Stops hawkBit (SIGKILL: a server that goes away), leaving the hosts running; {@link #startServerAgain} brings it
     * back on the same port with the same database.
     */
    void killServer() throws InterruptedException {
        Process p = processes.get(0);
        p.destroyForcibly();
        p.waitFor();
    }

    void startServerAgain() throws IOException, InterruptedException {
        launchServer();
        awaitServer();
    }

    private void launchServer() throws IOException {
        Path data = dir.resolve("server");
        Process p = new ProcessBuilder(serverCommand).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile())).start();
        processes.set(0, p);
        Files.writeString(dir.resolve("server.pid"), Long.toString(p.pid()));
    }

    private void awaitServer() throws InterruptedException {
        Process p = processes.get(0);
        Path data = dir.resolve("server");
        Mgmt mgmt = mgmt();
        waitFor(Duration.ofSeconds(240), "hawkBit to answer at " + server + " (its log: " + data.resolve("server.log") + ")", () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("hawkBit exited with " + p.exitValue() + " while starting; its log: " + data.resolve("server.log"));
            }
            return mgmt.answers();
        });
    }

    private void startHosts(Spec spec, java.io.PrintStream progress) throws IOException, InterruptedException {
        Mgmt mgmt = mgmt();
        for (int i = 1; i <= spec.hosts(); i++) {
            String id = String.format("host-%02d", i);
            Host h = new Host(id, "token-" + id + "-" + Long.toHexString(System.nanoTime()), spec.chipsOf().apply(i), dir.resolve(id));
            hosts.add(h);
            mgmt.createTarget(id, h.token());
        }
        writeFleetJson();
        for (Host h : hosts) {
            int i = hosts.indexOf(h) + 1;
            Files.createDirectories(h.dir().resolve("deploy"));
            // Small hosts: a 96 MB heap, the serial collector, the client compiler only.
            String opts = "-Xmx96m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
                    + " -Dhalcyon.state=" + h.dir().resolve("state") + " -Dhalcyon.fleet.server=" + server
                    + " -Dhalcyon.fleet.controller=" + h.id() + " -Dhalcyon.fleet.token=" + (spec.wrongToken().contains(i) ? "not-" + h.token() : h.token());
            ProcessBuilder pb = new ProcessBuilder(root.resolve("launcher/halcyon").toString(), "run", "fleet:host --status " + h.status())
                    .redirectErrorStream(true).redirectOutput(h.dir().resolve("host.log").toFile());
            pb.environment().put("HALCYON_JAVA_OPTS", opts);
            pb.environment().put("HALCYON_DEPLOY", h.dir().resolve("deploy").toString());
            pb.environment().put("HALCYON_CHIPS", h.chips());
            Process p = pb.start();
            processes.add(p);
            Files.writeString(h.dir().resolve("host.pid"), Long.toString(p.pid()));
        }
        progress.println("fleet: " + hosts.size() + " hosts starting (" + chipSummary() + ")");
        waitFor(Duration.ofSeconds(180), "every host to run its workload", () -> {
            for (int i = 0; i < hosts.size(); i++) {
                Process p = processes.get(i + 1);
                if (!p.isAlive()) {
                    throw new IllegalStateException(hosts.get(i).id() + " exited with " + p.exitValue() + "; its log: " + hosts.get(i).dir().resolve("host.log"));
                }
                if (workload(hosts.get(i)).calls() == 0) {
                    return false;
                }
            }
            return true;
        });
        progress.println("fleet: " + hosts.size() + " hosts up, each running a workload");
    }

    private String chipSummary() {
        Map<String, Integer> count = new LinkedHashMap<>();
        hosts.forEach(h -> count.merge(h.chips(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        count.forEach((chips, n) -> parts.add(n + " with " + chips));
        return String.join(", ", parts);
    }

    private void writeFleetJson() throws IOException {
        List<Map<String, Object>> hs = new ArrayList<>();
        for (Host h : hosts) {
            hs.add(Map.of("id", h.id(), "token", h.token(), "chips", h.chips()));
        }
        Files.writeString(dir.resolve("fleet.json"), Json.write(Map.of("server", server, "hosts", hs)), StandardCharsets.UTF_8);
    }

    /** A host's workload so far: calls made and failed (0, 0 before it started). */
    record Workload(long calls, long failed, String lastFailure) {
    }

    static Workload workload(Host h) {
        try {
            Object o = Json.parse(Files.readString(h.status()));
            return new Workload(Json.number(o, 0, "calls"), Json.number(o, 0, "failed"), Json.string(o, "lastFailure"));
        } catch (IOException | IllegalArgumentException e) {
            return new Workload(0, 0, "");
        }
    }

    /** Resident memory of a host's process in KiB (Linux), or -1. */
    static long residentKiB(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone or not Linux
        }
        return -1;
    }

    /** Stops the hosts, then hawkBit (SIGTERM, then SIGKILL after 20 s), and removes the pid files. */
    void stop() throws IOException {
        processes.removeIf(java.util.Objects::isNull);
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).toHandle().descendants().forEach(ProcessHandle::destroy);
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> s = Files.exists(dir) ? Files.walk(dir, 2) : Stream.empty()) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Stops a fleet started by another process (fleet up): its starter first, then anything left by pid file. */
    static int down(Path dir) throws IOException, InterruptedException {
        int stopped = 0;
        List<Path> pidFiles = new ArrayList<>();
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir, 2)) {
                pidFiles.addAll(s.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted((a, b) -> a.endsWith("fleet.pid") ? -1 : b.endsWith("fleet.pid") ? 1 : 0).toList());
            }
        }
        for (Path f : pidFiles) {
            Optional<ProcessHandle> p = alive(f);
            if (p.isPresent()) {
                p.get().destroy();
                try {
                    p.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    p.get().destroyForcibly();
                }
                stopped++;
            }
            Files.deleteIfExists(f);
        }
        return stopped;
    }

    private static Optional<ProcessHandle> alive(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Waits until {@code condition} holds, checking every 200 ms; fails naming what it waited for. */
    static void waitFor(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
