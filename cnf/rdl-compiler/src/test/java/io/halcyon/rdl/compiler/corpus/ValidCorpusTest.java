package io.halcyon.rdl.compiler.corpus;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.RegNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Every valid corpus file elaborates, for every root-level addrmap it defines. */
@RunWith(Parameterized.class)
public class ValidCorpusTest {

    /** Files that only define properties: they must compile, and have nothing to elaborate. */
    private static final List<String> DEFINITIONS_ONLY = List.of("importer_udps.rdl", "regblock_udps.rdl");

    @Parameterized.Parameters(name = "{0} top={1}")
    public static List<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        for (String folder : List.of("systemrdl-compiler/rdl_src", "systemrdl-compiler/accellera-Leon2",
                "systemrdl-compiler/examples", "peakrdl-regblock")) {
            for (Path f : Corpus.rdlFiles(folder)) {
                String rel = Corpus.dir().relativize(f).toString();
                if (DEFINITIONS_ONLY.contains(f.getFileName().toString())) {
                    out.add(new Object[] {rel, "-"});
                    continue;
                }
                for (String top : Corpus.compilerFor(f).rootAddrmaps()) {
                    out.add(new Object[] {rel, top});
                }
            }
        }
        return out;
    }

    private final String file;
    private final String top;

    public ValidCorpusTest(String file, String top) {
        this.file = file;
        this.top = top;
    }

    @Test
    public void elaborates() {
        RdlCompiler c = Corpus.compilerFor(Corpus.file(file));
        if (top.equals("-")) {
            assertTrue("definitions-only file should define no addrmap", c.rootAddrmaps().isEmpty());
            try {
                c.elaborate(null);
                fail("nothing to elaborate, yet elaboration succeeded");
            } catch (RdlException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("no root-level addrmap"));
            }
            return;
        }
        ElaboratedModel m = c.elaborate(top);
        assertEquals(top, m.top().instName());
        assertEquals(top, m.top().path());
        for (RegNode r : m.registers()) {
            assertFalse(r.path() + " has no fields", r.fields().isEmpty());
            assertTrue(r.path() + " is not aligned to its width or fits oddly",
                    r.fields().get(r.fields().size() - 1).msb() < r.width());
        }
    }
}
