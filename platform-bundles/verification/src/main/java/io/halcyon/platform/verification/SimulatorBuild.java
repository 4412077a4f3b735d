package io.halcyon.platform.verification;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A simulator executable for one chip map and bus, built with Verilator from {@link SimulatorSources}, or
 * taken from the cache. The cache entry is keyed by the SHA-256 of everything that goes into the build
 * (every source file, the chip map, the bus, the build command and Verilator's version), so a changed
 * source, a new Verilator or another bus is a new entry and an unchanged one is reused in milliseconds.
 * One lock file per entry serialises parallel hosts and tests that need the same entry; each build runs
 * in a folder of its own and is renamed into place only when it succeeded.
 */
public final class SimulatorBuild {

    /** How long a cold build may take before it is abandoned. */
    private static final long BUILD_MINUTES = 10;

    /** Where a cached simulator lives, and what it was built from; {@code waves}: built with Verilator's --trace (can dump VCD). */
    public record Built(Path executable, String key, String chip, String bus, boolean waves, boolean cached, long buildMillis, String verilator) {
        public String shortKey() {
            return key.substring(0, 12);
        }
    }

    private SimulatorBuild() {
    }

    /**
     * The simulator of {@code chip} on {@code bus} ({@code apb4} or {@code axi4-lite}) under {@code cacheRoot}, built without
     * waveform support (the fast build; its {@code dumpWaves} is refused).
     *
     * @throws SimulatorBuildException with Verilator's or g++'s error lines when the sources do not build
     */
    public static Built of(SimulatorSources sources, String chip, String bus, Path cacheRoot) throws IOException, InterruptedException {
        return of(sources, chip, bus, cacheRoot, false);
    }

    /**
     * The simulator of {@code chip} on {@code bus} under {@code cacheRoot}; with {@code waves}, the build with Verilator's
     * {@code --trace} that can dump VCD waveforms (a cache entry of its own, about 6 % fewer cycles a second).
     *
     * @throws SimulatorBuildException with Verilator's or g++'s error lines when the sources do not build
     */
    public static Built of(SimulatorSources sources, String chip, String bus, Path cacheRoot, boolean waves)
            throws IOException, InterruptedException {
        String verilator = run(List.of("verilator", "--version"), null).trim();
        String[] rtl = sources.rtlOf(chip);
        List<String> command = command(chip, bus, rtl, sources, waves);
        String key = key(sources, chip, bus, command, verilator);
        Files.createDirectories(cacheRoot);
        Path entry = cacheRoot.resolve(chip + "-" + bus + (waves ? "-waves-" : "-") + key.substring(0, 16));
        Path executable = entry.resolve("sim");
        try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve(entry.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (Files.isExecutable(executable)) {
                return new Built(executable, key, chip, bus, waves, true, 0, verilator);
            }
            long start = System.nanoTime();
            Path work = cacheRoot.resolve(entry.getFileName() + ".build-" + ProcessHandle.current().pid());
            deleteTree(work);
            Files.createDirectories(work);
            for (Map.Entry<String, byte[]> f : sources.files().entrySet()) {
                Files.write(work.resolve(f.getKey().substring(f.getKey().indexOf('/') + 1)), f.getValue());
            }
            Files.copy(work.resolve(chip + "_binding.h"), work.resolve("chip_binding.h"), StandardCopyOption.REPLACE_EXISTING);
            Path log = work.resolve("build.log");
            Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new SimulatorBuildException("simulator build of " + chip + " did not finish within " + BUILD_MINUTES + " minutes; log: " + log);
            }
            if (p.exitValue() != 0 || !Files.isExecutable(work.resolve("sim"))) {
                throw new SimulatorBuildException("simulator build of " + chip + " (" + bus + ") failed:\n" + errorLines(log, work) + "\nlog: " + log);
            }
            deleteTree(entry);
            Files.createDirectories(entry);
            Files.move(work.resolve("sim"), executable);
            Files.copy(log, entry.resolve("build.log"));
            deleteTree(work);
            return new Built(executable, key, chip, bus, waves, false, (System.nanoTime() - start) / 1_000_000, verilator);
        }
    }

    private static List<String> command(String chip, String bus, String[] rtl, SimulatorSources sources, boolean waves) {
        List<String> c = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-j", "2"));
        // --trace only in the build that dumps waveforms: tracing costs every cycle even when no dump is open.
        if (waves) {
            c.add("--trace");
        }
        c.addAll(List.of("-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", chip + "_" + bus.replace("-", ""), "--prefix", "Vchip",
                "-Mdir", "obj", "-o", "../sim"));
        // No fast-math and no contraction into fused multiply-adds: the tensor engine's float results must
        // equal the emulation's (Java float arithmetic) bit for bit.
        String defines = bus.equals("axi4-lite") ? "-DHALCYON_BUS_AXI4LITE" : "-DHALCYON_HAS_DECERR";
        c.addAll(List.of("-CFLAGS", "-std=c++17 -ffp-contract=off -fno-fast-math " + defines + " -I.."));
        // -O2 rather than Verilator's default -Os for the model's evaluation and the harness (not for Verilator's
        // runtime, which is off the hot path): 15-20 % more cycles a second (benchmarks/README.md).
        c.addAll(List.of("-MAKEFLAGS", "OPT_FAST=-O2"));
        c.addAll(List.of(rtl));
        sources.files().keySet().stream().filter(n -> n.startsWith("sim/") && n.endsWith(".cpp")).map(n -> n.substring(4)).forEach(c::add);
        return c;
    }

    private static String key(SimulatorSources sources, String chip, String bus, List<String> command, String verilator) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String s : List.of(verilator, chip, bus, String.join(" ", command))) {
                d.update(s.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            for (Map.Entry<String, byte[]> f : sources.files().entrySet()) {
                d.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(f.getValue());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String errorLines(Path log, Path work) throws IOException {
        return errorLines(Files.readAllLines(log, StandardCharsets.UTF_8), work);
    }

    /**
     * The lines of Verilator's, g++'s or a running design's output that say what is wrong ({@code %Error: file.sv:12:3: ...},
     * {@code file.cpp:40:5: error: ...}), at most 20, with {@code work/} taken off the file names; the last
     * lines when none does.
     */
    public static String errorLines(List<String> lines, Path work) {
        // A running design's messages carry the simulation time first: "[0] %Error: blk.sv:88: Assertion failed ...".
        List<String> errors = lines.stream().filter(l -> l.startsWith("%Error") || l.matches("\\[\\d+\\] %Error.*")
                || l.contains(" error: ") || l.contains(": error:"))
                .filter(l -> !l.startsWith("%Error: Exiting due to") && !l.contains("Command Failed") && !l.contains("exited with"))
                .map(l -> l.replace(work.toString() + "/", "")).limit(20).toList();
        return errors.isEmpty() ? String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())) : String.join("\n", errors);
    }

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SimulatorBuildException("cannot run " + command.get(0) + " (install Debian's verilator, g++ and make): " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
