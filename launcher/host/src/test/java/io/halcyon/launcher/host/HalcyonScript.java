package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.rules.TemporaryFolder;

/**
 * {@code launcher/halcyon} as users run it, each call a process of its own: with this JVM as
 * JAVA_HOME, a fresh hot-deploy directory and the environment given (HALCYON_CHIP attaches to a chip
 * server, HALCYON_JAVA_OPTS adds JVM options).
 */
final class HalcyonScript {

    static final Path ROOT = Path.of(System.getProperty("halcyon.root", "../..")).toAbsolutePath().normalize();
    private static final Duration BOUND = Duration.ofSeconds(90);

    private final TemporaryFolder tmp;
    private final Map<String, String> env;

    HalcyonScript(TemporaryFolder tmp, Map<String, String> env) {
        this.tmp = tmp;
        this.env = Map.copyOf(env);
    }

    /** The same script with more environment. */
    HalcyonScript with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(more);
        return new HalcyonScript(tmp, all);
    }

    /** Runs the script with these arguments to its end (at most 90 s). */
    HostProcess.Result run(String... args) throws IOException, InterruptedException {
        return run(BOUND, args);
    }

    /** The same with another bound (a first host on RTL builds the simulator). */
    HostProcess.Result run(Duration bound, String... args) throws IOException, InterruptedException {
        return HostProcess.complete(process(args), null, bound);
    }

    /** One shell command line on a host of its own, which must succeed: exit 0, not even degraded. */
    HostProcess.Result command(String commandLine) throws IOException, InterruptedException {
        return command("run", commandLine);
    }

    /** The script with these arguments, which must succeed: exit 0, not even degraded. */
    HostProcess.Result command(String... args) throws IOException, InterruptedException {
        HostProcess.Result r = run(args);
        assertEquals(String.join(" ", args) + ": " + r.stderr(), 0, r.exitCode());
        return r;
    }

    /**
     * Starts the script without waiting for it: its stdout is the returned process's input stream, its
     * stderr goes to {@code stderr}. The script execs the JVM, so the process is the host itself; the
     * caller must end it.
     */
    Process start(Path stderr, String... args) throws IOException {
        return process(args).redirectError(stderr.toFile()).start();
    }

    private ProcessBuilder process(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("launcher/halcyon").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("HALCYON_DEPLOY", tmp.newFolder().toString());
        pb.environment().putAll(env);
        return pb;
    }
}
