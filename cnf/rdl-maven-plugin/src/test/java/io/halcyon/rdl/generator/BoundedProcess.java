package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program for a test (gcc, the program it built) with a time bound twice over: the
 * coreutils {@code timeout} wrapper ends it even if this JVM dies first, and the test stops waiting
 * and kills it at the same bound. Fails the test on a non-zero exit, with what it printed.
 */
final class BoundedProcess {

    private static final int SECONDS = 60;

    private BoundedProcess() {
    }

    /** The program's standard output; stderr is folded into the failure message. */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> bounded = new ArrayList<>(List.of("timeout", "-k", "5", String.valueOf(SECONDS)));
        bounded.addAll(List.of(command));
        Process p = new ProcessBuilder(bounded).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            if (!p.waitFor(SECONDS + 10, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within " + SECONDS + " s");
            }
            String output = out.join();
            assertEquals(String.join(" ", command) + " failed:\n" + output, 0, p.exitValue());
            return output;
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
