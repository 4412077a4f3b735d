package io.halcyon.rdl.compiler;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Access to the test copy of the third-party corpus (src/test/resources/corpus), never ../shared. Tests
 * of other modules use it from this module's test-jar and set the system property
 * {@code halcyon.rdl.corpus} to that folder (the compiler resolves includes on the file system, so the
 * corpus is not read from the jar).
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("halcyon.rdl.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            return Path.of(Corpus.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }

    public static List<Path> rdlFiles(String folder) {
        try (Stream<Path> s = Files.list(dir().resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".rdl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A compiler set up as the reference tests set it up for this file: PeakRDL-regblock inputs are
     * compiled after its property definitions (regblock_udps.rdl), and udp_builtin.rdl expects a
     * tool-registered int_udp.
     */
    public static RdlCompiler compilerFor(Path file) {
        RdlCompiler c = new RdlCompiler();
        if (file.getParent().getFileName().toString().equals("peakrdl-regblock")
                && !file.getFileName().toString().equals("regblock_udps.rdl")) {
            c.compile(file("peakrdl-regblock/regblock_udps.rdl"));
        }
        if (file.getFileName().toString().equals("udp_builtin.rdl")) {
            c.defineUdp("int_udp", "longint", Set.of("all"), null);
        }
        c.compile(file);
        return c;
    }

    public static ElaboratedModel elaborate(String relative, String top) {
        return compilerFor(file(relative)).elaborate(top);
    }

    /**
     * One case per root address map of every PeakRDL-regblock file, as JUnit parameters
     * {@code {name, file, top}}. A file whose root maps cannot even be listed still yields one case (top
     * {@code "?"}), so that {@link #elaborateOrFail} fails it by name instead of it going missing.
     */
    public static List<Object[]> regblockCases() {
        List<Object[]> out = new ArrayList<>();
        for (Path f : rdlFiles("peakrdl-regblock")) {
            List<String> tops;
            try {
                tops = compilerFor(f).rootAddrmaps();
            } catch (RdlException e) {
                tops = List.of("?");
            }
            for (String top : tops) {
                out.add(new Object[] {f.getFileName() + " " + top, f, top});
            }
        }
        return out;
    }

    /**
     * The elaborated model of one {@link #regblockCases} case. Every valid corpus file must elaborate, so
     * a compiler regression fails the caller's test here, naming the file; it is never skipped.
     */
    public static ElaboratedModel elaborateOrFail(Path file, String top) {
        try {
            return compilerFor(file).elaborate(top.equals("?") ? null : top);
        } catch (RdlException e) {
            throw new AssertionError("rdl-compiler cannot elaborate " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
