package io.halcyon.platform.emulation.regfile;

import java.nio.file.Files;
import java.nio.file.Path;

import io.halcyon.rdl.chipmap.ChipModelConverter;
import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * Test inputs: small descriptions written inline, and files of the PeakRDL-regblock corpus copy of
 * rdl-compiler, elaborated and converted to the chip model as the build does.
 */
final class Rdl {

    private Rdl() {
    }

    /** A register file from SystemRDL text whose last addrmap is the top. */
    static RegisterFileModel model(String text) {
        return build(new RdlCompiler().perl(null).compileText(text, "inline.rdl").elaborate(null));
    }

    /** The register file of the model's top address map. */
    static RegisterFileModel build(ElaboratedModel model) {
        return RegisterFileBuilder.build(ChipModelConverter.blockType(model, model.top(), model.top().instName()));
    }

    /** A register file from one file of the PeakRDL-regblock corpus (rdl-compiler's test copy). */
    static RegisterFileModel regblock(String name) {
        Path file = Corpus.file("peakrdl-regblock/" + name);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing");
        }
        return build(Corpus.compilerFor(file).elaborate(null));
    }
}
