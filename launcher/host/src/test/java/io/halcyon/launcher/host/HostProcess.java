package io.halcyon.launcher.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Runs the assembled host (target/halcyon-host.jar) as a real process, as launcher/halcyon does. */
final class HostProcess {

    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static final Path HOME = Path.of(System.getProperty("halcyon.home", "target")).toAbsolutePath();

    static Result run(Path deploy, String stdin, String... args) throws IOException, InterruptedException {
        return run(deploy, stdin, List.of(), args);
    }

    /** @param systemProperties extra -D options for the host's JVM, e.g. {@code halcyon.chip.socket=...} */
    static Result run(Path deploy, String stdin, List<String> systemProperties, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Dhalcyon.home=" + HOME);
        command.add("-Dhalcyon.deploy=" + deploy);
        systemProperties.forEach(p -> command.add("-D" + p));
        command.add("-jar");
        command.add(HOME.resolve("halcyon-host.jar").toString());
        command.addAll(List.of(args));
        return complete(new ProcessBuilder(command), stdin, Duration.ofSeconds(60));
    }

    /**
     * Starts {@code process}, gives it {@code stdin} (if any) and closes its input, and waits for its end,
     * at most {@code bound} (then it is killed and the test fails). Output goes through files, so a process
     * that writes a lot never blocks on a full pipe.
     */
    static Result complete(ProcessBuilder process, String stdin, Duration bound) throws IOException, InterruptedException {
        Path out = Files.createTempFile("halcyon-out", ".txt");
        Path err = Files.createTempFile("halcyon-err", ".txt");
        try {
            Process p = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not exit within " + bound.toSeconds() + " s: " + process.command());
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The first line of the process's stdout that {@code matches}, null if stdout ends first; read on a thread
     * of its own (not the common pool: on 2 cores it has one worker, which a reader blocked by an earlier test
     * would hold), and an {@link AssertionError} naming what was awaited if no such line comes within {@code bound}.
     */
    static String awaitLine(Process process, Predicate<String> matches, Duration bound) throws InterruptedException {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (matches.test(line)) {
                        found.complete(line);
                        return;
                    }
                }
                found.complete(null);
            } catch (IOException e) {
                found.completeExceptionally(new UncheckedIOException(e));
            }
        }, "stdout of host " + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("reading the host's stdout", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no such line from the host within " + bound.toSeconds() + " s");
        }
    }
}
