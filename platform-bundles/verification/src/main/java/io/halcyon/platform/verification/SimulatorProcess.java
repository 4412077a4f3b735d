package io.halcyon.platform.verification;

import io.halcyon.platform.chipmodel.remote.ChipClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running simulator and the host's connection to it. The process is started from a thread of its own
 * that lives as long as the process: the simulator arms PR_SET_PDEATHSIG, which the kernel fires when
 * the thread that forked it ends, so the forking thread must not be a pooled or short-lived one. The
 * simulator exits when this JVM dies (SIGKILL included), when the connection ends, or when asked.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final long START_SECONDS = 30;

    private final Process process;
    private final ChipClient client;
    private final Thread keeper;

    private SimulatorProcess(Process process, ChipClient client, Thread keeper) {
        this.process = process;
        this.client = client;
        this.keeper = keeper;
    }

    /** Starts {@code executable} serving at {@code socket} and attaches to it. */
    public static SimulatorProcess start(Path executable, Path socket, Path log) throws IOException {
        Files.deleteIfExists(socket);
        CompletableFuture<Process> started = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread keeper = new Thread(() -> keep(executable, socket, log, started, ready), "simulator " + socket.getFileName());
        keeper.setDaemon(true);
        keeper.start();
        Process process;
        try {
            process = started.get(START_SECONDS, TimeUnit.SECONDS);
            ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("simulator " + executable + " did not start: " + e.getCause().getMessage() + " (log: " + log + ")", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("simulator " + executable + " did not get ready within " + START_SECONDS + " s (log: " + log + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the simulator", e);
        }
        try {
            return new SimulatorProcess(process, ChipClient.connect(socket), keeper);
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The keeper thread: forks the simulator, reports its ready line, then waits for it to end. */
    private static void keep(Path executable, Path socket, Path log, CompletableFuture<Process> started, CompletableFuture<Void> ready) {
        Process p;
        try {
            p = new ProcessBuilder(executable.toString(), "--socket", socket.toString(), "--parent",
                    String.valueOf(ProcessHandle.current().pid())).redirectError(log.toFile()).start();
        } catch (IOException e) {
            started.completeExceptionally(e);
            ready.completeExceptionally(e);
            return;
        }
        started.complete(p);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (line != null && line.contains(" ready at ")) {
                ready.complete(null);
            } else {
                ready.completeExceptionally(new IOException("exited with " + p.waitFor() + ": " + lastLine(log)));
            }
            while (out.readLine() != null) {
                // the simulator says nothing more on stdout; this keeps the pipe drained
            }
            p.waitFor();
        } catch (IOException e) {
            ready.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLine(Path log) {
        try {
            return Files.readAllLines(log).stream().reduce((a, b) -> b).orElse("no output");
        } catch (IOException e) {
            return "no log";
        }
    }

    /**
     * Where a simulator's socket goes: {@code folder/name}, unless that path is longer than a Unix socket
     * path may be; then in /dev/shm, named after this process.
     */
    public static Path socketPath(Path folder, String name) throws IOException {
        Path in = folder.resolve(name).toAbsolutePath();
        if (in.toString().length() < 100) {
            return in;
        }
        Path shm = Path.of("/dev/shm", "halcyon-" + ProcessHandle.current().pid() + "-" + name);
        Files.deleteIfExists(shm);
        return shm;
    }

    public ChipClient client() {
        return client;
    }

    public long pid() {
        return process.pid();
    }

    /** True when the simulator has exited (or was killed) within {@code millis}: after a lost connection, it is on its way out. */
    public boolean exitedWithin(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Detaches (the simulator exits at the end of its connection), and kills it if it has not gone within 5 s. */
    @Override
    public void close() {
        client.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            keeper.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
