package io.halcyon.launcher.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files one host process keeps while it runs (Felix's bundle cache, FileInstall's scratch files),
 * in a folder of its own under the host's state directory ({@code -Dhalcyon.state}, else
 * {@code <home>/state}), never in the system's temporary directory: a server's /tmp is shared, may be
 * small or cleaned under a running process. The folder is named by the process id, so parallel hosts
 * never collide, and removed when the host stops; folders of processes that died without stopping
 * (SIGKILL) are removed by the next host that starts.
 */
final class RunDirectory implements AutoCloseable {

    private static final Pattern RUN = Pattern.compile("run-(\\d+)");

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /** Makes this process's folder under {@code state}, after removing those of processes that are gone. */
    static RunDirectory create(Path state) throws IOException {
        Files.createDirectories(state);
        removeStale(state);
        Path root = state.resolve("run-" + ProcessHandle.current().pid());
        deleteQuietly(root); // a pid reused after a crash: nothing of that run is wanted
        return new RunDirectory(Files.createDirectories(root));
    }

    /** A sub-folder for one user of the run directory, made on demand. */
    Path folder(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    @Override
    public void close() {
        deleteQuietly(root);
    }

    private static void removeStale(Path state) throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(state, "run-*")) {
            for (Path run : runs) {
                Matcher m = RUN.matcher(run.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    deleteQuietly(run);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // What cannot be removed now is removed by the next host, once this process is gone.
        }
    }
}
