package io.halcyon.rdl.generator;

import static org.junit.Assert.assertFalse;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Descriptions written by others (systemrdl-compiler's corpus) generate code that compiles warning-free. */
@RunWith(Parameterized.class)
public class CorpusTest {

    @Parameters(name = "{0}")
    public static List<String> files() {
        return List.of("uart.rdl", "rgu.rdl", "enums.rdl", "field_access_types.rdl", "intr_prop.rdl");
    }

    private final String file;

    public CorpusTest(String file) {
        this.file = file;
    }

    @Test
    public void generatesCompilableCode() throws Exception {
        GeneratedCode code = GeneratedCode.fromResource("corpus/" + file, "test.corpus");
        assertFalse(code.sources.isEmpty());
    }
}
