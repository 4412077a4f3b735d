package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chip server started as users start it, {@code launcher/halcyon chip start SOCKET}. Closing it kills
 * the server if it still runs, so no test leaves one behind, whatever failed.
 */
final class ChipServerProcess implements AutoCloseable {

    private final Path socket;
    private final ProcessHandle process;

    private ChipServerProcess(Path socket, ProcessHandle process) {
        this.socket = socket;
        this.process = process;
    }

    /** Starts a server at {@code socket}; fails the test unless the script says it accepts hosts. */
    static ChipServerProcess start(HalcyonScript halcyon, Path socket) throws Exception {
        HostProcess.Result start = halcyon.run("chip", "start", socket.toString());
        assertEquals(start.stderr(), 0, start.exitCode());
        Matcher started = Pattern.compile("chip server pid (\\d+) at " + Pattern.quote(socket.toString())).matcher(start.stdout());
        assertTrue(start.stdout(), started.find());
        long pid = Long.parseLong(started.group(1));
        return new ChipServerProcess(socket, ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("chip server pid " + pid + " ended right after it started")));
    }

    Path socket() {
        return socket;
    }

    ProcessHandle process() {
        return process;
    }

    /** The environment that attaches a host to this chip. */
    Map<String, String> attach() {
        return Map.of("HALCYON_CHIP", socket.toString());
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
