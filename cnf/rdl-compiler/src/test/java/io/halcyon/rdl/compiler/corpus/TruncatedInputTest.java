package io.halcyon.rdl.compiler.corpus;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.Diagnostic;
import io.halcyon.rdl.compiler.diag.RdlException;
import org.junit.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertTrue;

/**
 * Broken input must give diagnostics, never a crash: every valid corpus file cut short at a
 * number of points either still elaborates or fails with an RdlException that has a location.
 */
public class TruncatedInputTest {

    @Test
    public void truncatedFilesFailCleanly() throws IOException {
        List<String> crashes = new ArrayList<>();
        for (String folder : List.of("systemrdl-compiler/rdl_src", "systemrdl-compiler/accellera-Leon2")) {
            for (Path f : Corpus.rdlFiles(folder)) {
                String text = Files.readString(f);
                for (int cut = 1; cut <= 12; cut++) {
                    String part = text.substring(0, text.length() * cut / 13);
                    try {
                        new RdlCompiler().compileText(part, f.getFileName().toString()).elaborate(null);
                    } catch (RdlException e) {
                        for (Diagnostic d : e.diagnostics()) {
                            if (d.location().line() <= 0 && !d.message().contains("no root-level addrmap")) {
                                crashes.add(f.getFileName() + " cut " + cut + ": no location: " + d);
                            }
                        }
                    } catch (RuntimeException | StackOverflowError e) {
                        crashes.add(f.getFileName() + " cut " + cut + ": " + e);
                    }
                }
            }
        }
        assertTrue(String.join("\n", crashes), crashes.isEmpty());
    }
}
