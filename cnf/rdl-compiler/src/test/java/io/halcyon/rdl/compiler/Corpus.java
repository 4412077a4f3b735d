package io.halcyon.rdl.compiler;

import io.halcyon.rdl.compiler.model.ElaboratedModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Access to the test copy of the third-party corpus (src/test/resources/corpus), never ../shared. */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
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
}
