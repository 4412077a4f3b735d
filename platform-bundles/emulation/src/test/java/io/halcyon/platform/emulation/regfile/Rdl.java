package io.halcyon.platform.emulation.regfile;

import java.nio.file.Files;
import java.nio.file.Path;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.RdlCompiler;

/** Test inputs: small descriptions written inline, and files of the PeakRDL-regblock corpus copy of rdl-compiler. */
final class Rdl {

    private Rdl() {
    }

    /** A register file from SystemRDL text whose last addrmap is the top. */
    static RegisterFileModel model(String text) {
        return RegisterFileBuilder.build(new RdlCompiler().perl(null).compileText(text, "inline.rdl").elaborate(null));
    }

    /** A register file from one file of the PeakRDL-regblock corpus (rdl-compiler's test copy). */
    static RegisterFileModel regblock(String name) {
        Path file = Corpus.file("peakrdl-regblock/" + name);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing");
        }
        return RegisterFileBuilder.build(Corpus.compilerFor(file).elaborate(null));
    }
}
