package io.halcyon.launcher.rtlbutr;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code rtl-butr} command run in this JVM, as launcher/halcyon runs it (same arguments, exit code,
 * output), against the test slaves and the corpus copy; and mutants of a slave, made by replacing one
 * line that must be there.
 */
final class RtlButrRun {

    static final Path SLAVES = Path.of("src/test/resources/slaves");
    static final Path DESCRIPTIONS = Path.of("src/test/resources/descriptions");
    static final Path REGBLOCK = Path.of(System.getProperty("halcyon.rdl.corpus", "../../cnf/rdl-compiler/src/test/resources/corpus"),
            "peakrdl-regblock");

    final int exit;
    final String out;
    final String err;

    private RtlButrRun(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static RtlButrRun of(Object... args) {
        List<String> strings = new ArrayList<>();
        for (Object a : args) {
            strings.add(a.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RtlButr.run(strings.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        RtlButrRun run = new RtlButrRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.print(run.out);
        System.out.print(run.err);
        assertEquals("processes left behind by rtl-butr", 0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
        return run;
    }

    /** {@code slave} with {@code line} (which must occur exactly once) replaced, written under target/mutants/{@code name}/. */
    static Path mutant(String name, String slave, String line, String replacement) throws IOException {
        String source = Files.readString(SLAVES.resolve(slave));
        int at = source.indexOf(line);
        if (at < 0 || source.indexOf(line, at + 1) >= 0) {
            throw new AssertionError(slave + " does not hold exactly one '" + line + "'");
        }
        Path dir = Files.createDirectories(Path.of("target/mutants", name));
        Path file = dir.resolve(slave);
        Files.writeString(file, source.replace(line, replacement));
        return file;
    }
}
