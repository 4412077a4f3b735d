package io.halcyon.platform.emulation.regfile;

import java.nio.file.Files;
import java.nio.file.Path;

import io.halcyon.rdl.compiler.RdlCompiler;

/** Test inputs: small descriptions written inline, and the PeakRDL-regblock corpus copy of rdl-compiler. */
final class Rdl {

    private Rdl() {
    }

    /** A register file from SystemRDL text whose last addrmap is the top. */
    static RegisterFileModel model(String text) {
        return RegisterFileBuilder.build(new RdlCompiler().perl(null).compileText(text, "inline.rdl").elaborate(null));
    }

    /** The rdl-compiler's test copy of the PeakRDL-regblock corpus (set by the surefire configuration). */
    static Path regblockCorpus() {
        String dir = System.getProperty("halcyon.rdl.corpus");
        if (dir == null) {
            throw new IllegalStateException("system property halcyon.rdl.corpus is not set (see the emulation pom)");
        }
        return Path.of(dir, "peakrdl-regblock");
    }

    /** A compiler loaded as PeakRDL-regblock's tests load one: its property definitions first, then the file. */
    static RdlCompiler regblockCompiler(Path file) {
        RdlCompiler c = new RdlCompiler();
        if (!file.getFileName().toString().equals("regblock_udps.rdl")) {
            c.compile(regblockCorpus().resolve("regblock_udps.rdl"));
        }
        return c.compile(file);
    }

    static RegisterFileModel regblock(String name) {
        Path file = regblockCorpus().resolve(name);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing");
        }
        return RegisterFileBuilder.build(regblockCompiler(file).elaborate(null));
    }
}
