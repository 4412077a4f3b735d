package io.halcyon.platform.emulation.server;

import io.halcyon.platform.chipmodel.remote.ChipClient;
import io.halcyon.platform.chipmodel.remote.ChipProtocol;
import io.halcyon.platform.chipmodel.remote.WireChannel;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a freshly started chip server to accept hosts, without sleeping: on its socket file's appearance. */
final class ServerReadiness {

    /** How often the server process is checked for life while its socket does not answer yet. */
    private static final long LIFE_CHECK_MILLIS = 100;

    private ServerReadiness() {
    }

    /**
     * @return true once a host can attach at {@code socket}; false if process {@code pid} ended or
     *     {@code bound} passed first
     */
    static boolean await(Path socket, long pid, Duration bound) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Path directory = socket.toAbsolutePath().getParent();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            directory.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (System.nanoTime() < deadline) {
                if (accepts(socket)) {
                    return true;
                }
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    return false;
                }
                // Woken when a file appears in the socket's directory, or to check the server is still alive.
                var key = watch.poll(LIFE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return false;
        }
    }

    private static boolean accepts(Path socket) {
        try (ChipClient probe = ChipClient.connect(socket)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
