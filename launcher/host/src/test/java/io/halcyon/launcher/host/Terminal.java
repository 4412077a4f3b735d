package io.halcyon.launcher.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run on a pseudo-terminal, as a person at a terminal runs it: util-linux {@code script}
 * gives it a pty (so it sees a terminal on stdin and stdout), keys are typed into it, and what it
 * writes accumulates as "the screen". Waits are on what the screen shows, with a bound, never a sleep.
 * The program and everything it started are ended by {@link #close()}.
 */
final class Terminal implements AutoCloseable {

    private final Process process;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder();
    private final Thread reader;

    Terminal(String commandLine, Map<String, String> env) throws IOException {
        // A pty made by script from a process without a terminal is 0x0; a console cannot lay out lines in that.
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec", "stty cols 160 rows 48 && exec " + commandLine, "/dev/null"))
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        process = pb.start();
        keys = process.getOutputStream();
        reader = new Thread(this::read, "terminal reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buffer = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (screen) {
                    // Line ends on a pty are CR LF and the console colours and moves the cursor with escape
                    // sequences; the screen text keeps the characters a person reads.
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8).replace("\r", "")
                            .replaceAll("\u001B(\\[[0-9;?]*[ -/]*[@-~]|[=>])", ""));
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // the terminal closed
        } finally {
            synchronized (screen) {
                screen.notifyAll();
            }
        }
    }

    /** Types a line and Enter. */
    void type(String line) throws IOException {
        keys(line + "\r");
    }

    /** Types keys as they are, e.g. a word and Tab ({@code "sys\t"}). */
    void keys(String keys) throws IOException {
        this.keys.write(keys.getBytes(StandardCharsets.UTF_8));
        this.keys.flush();
    }

    /** Everything shown so far. */
    String screen() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    /**
     * Waits until the screen, from character {@code from} on, shows {@code text}; returns the index
     * just past it.
     *
     * @throws AssertionError naming what was awaited and showing the screen, after {@code bound}
     */
    int await(int from, String text, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (screen) {
            while (true) {
                int at = screen.indexOf(text, from);
                if (at >= 0) {
                    return at + text.length();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive() && screen.indexOf(text, from) < 0) {
                    throw new AssertionError("the terminal did not show '" + text + "' within " + bound + "; screen:\n" + screen);
                }
                TimeUnit.NANOSECONDS.timedWait(screen, left);
            }
        }
    }

    /** Waits for the program to end by itself; its exit code, or null when it did not end within {@code bound}. */
    Integer awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
