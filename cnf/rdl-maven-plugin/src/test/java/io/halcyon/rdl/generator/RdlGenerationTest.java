package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A whole build-time run: where files go, what an error looks like, when it regenerates. */
public class RdlGenerationTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String GOOD = """
            addrmap demo {
                reg { field { sw = rw; hw = r; desc = "Value."; } V[7:0] = 0; } R0 @ 0x0;
            };
            """;

    private RdlGeneration.Settings settings(Path root) {
        return new RdlGeneration.Settings(root.resolve("src/main/rdl"), root.resolve("target/gen"),
                root.resolve("target/doc"), root.resolve("target/work"), null, "io.halcyon.block", null, null, false);
    }

    private Path project(String rdl) throws Exception {
        Path root = tmp.newFolder().toPath();
        Files.createDirectories(root.resolve("src/main/rdl"));
        Files.writeString(root.resolve("src/main/rdl/demo.rdl"), rdl, StandardCharsets.UTF_8);
        return root;
    }

    @Test
    public void generatesSourcesIntoThePackageDerivedFromTheBlockAndAMarkdownMap() throws Exception {
        Path root = project(GOOD);
        assertEquals(RdlGeneration.Outcome.GENERATED, RdlGeneration.run(settings(root)));
        assertTrue(Files.exists(root.resolve("target/gen/io/halcyon/block/demo/regs/R0.java")));
        assertTrue(Files.exists(root.resolve("target/gen/io/halcyon/block/demo/regs/Demo.java")));
        String md = Files.readString(root.resolve("target/doc/demo.md"));
        assertTrue(md, md.contains("| 0x0 | [R0](#r0) | 32 | 0x0 | RW |  |"));
        assertTrue(md, md.contains("| 7:0 | V | rw | r | - | 0x0 | Value. |"));
        assertTrue(Files.readString(root.resolve("target/doc/demo.html")).contains("<h1>Register map: demo</h1>"));
        assertTrue(Files.readString(root.resolve("target/doc/demo.h")).contains("#define DEMO_R0_V_MASK UINT32_C(0xff)"));
    }

    @Test
    public void anIpxactDescriptionGeneratesLikeSystemRdlAndABadOneWritesNothing() throws Exception {
        Path root = tmp.newFolder().toPath();
        Path xml = Files.createDirectories(root.resolve("src/main/rdl")).resolve("demo.xml");
        Files.copy(GeneratedCode.testResource("chipmaps/blocks/xuart/xuart.xml"), xml);
        assertEquals(RdlGeneration.Outcome.GENERATED, RdlGeneration.run(settings(root)));
        assertTrue(Files.exists(root.resolve("target/gen/io/halcyon/block/xuart/regs/StatusRegister.java")));
        Path other = tmp.newFolder().toPath();
        Files.createDirectories(other.resolve("src/main/rdl"));
        Files.writeString(other.resolve("src/main/rdl/bad.xml"), "<?xml version=\"1.0\"?>\n<component>\n");
        DescriptionException e = assertThrows(DescriptionException.class, () -> RdlGeneration.run(settings(other)));
        assertTrue(e.problems().get(0), e.problems().get(0).startsWith(other.resolve("src/main/rdl/bad.xml") + ":3:1: malformed XML"));
        assertFalse(Files.exists(other.resolve("target/gen")));
        assertFalse(Files.exists(other.resolve("target/doc")));
    }

    @Test
    public void unchangedInputsAreNotRegeneratedAndAChangedDescriptionIs() throws Exception {
        Path root = project(GOOD);
        RdlGeneration.run(settings(root));
        assertEquals(RdlGeneration.Outcome.UP_TO_DATE, RdlGeneration.run(settings(root)));
        Files.writeString(root.resolve("src/main/rdl/demo.rdl"), GOOD.replace("R0", "R1"));
        assertEquals(RdlGeneration.Outcome.GENERATED, RdlGeneration.run(settings(root)));
        assertTrue(Files.exists(root.resolve("target/gen/io/halcyon/block/demo/regs/R1.java")));
        assertFalse("old sources are gone", Files.exists(root.resolve("target/gen/io/halcyon/block/demo/regs/R0.java")));
    }

    @Test
    public void aSyntaxErrorIsReportedAsFileLineColumnAndWritesNothing() throws Exception {
        Path root = project("addrmap demo {\n    reg { field { sw = rw; } V[7:0] = 0 } R0;\n};\n");
        DescriptionException e = assertThrows(DescriptionException.class, () -> RdlGeneration.run(settings(root)));
        String first = e.problems().get(0);
        assertTrue(first, first.matches(".*demo\\.rdl:2:\\d+: .+"));
        assertFalse(Files.exists(root.resolve("target/gen")));
        assertFalse(Files.exists(root.resolve("target/doc")));
    }

    @Test
    public void aFailedRunLeavesThePreviousOutputWholeAndRunsAgainNextTime() throws Exception {
        Path root = project(GOOD);
        RdlGeneration.run(settings(root));
        Files.writeString(root.resolve("src/main/rdl/demo.rdl"), "addrmap demo { reg { field {} F[40:0]; } R; };");
        assertThrows(DescriptionException.class, () -> RdlGeneration.run(settings(root)));
        assertTrue(Files.exists(root.resolve("target/gen/io/halcyon/block/demo/regs/R0.java")));
        assertThrows(DescriptionException.class, () -> RdlGeneration.run(settings(root)));
    }

    @Test
    public void aDescriptionTheGeneratorCannotServeNamesFileAndRegister() throws Exception {
        Path root = project("addrmap demo { reg { regwidth = 16; field { sw = rw; } F[3:0]; } SMALL @ 0x0; };");
        DescriptionException e = assertThrows(DescriptionException.class, () -> RdlGeneration.run(settings(root)));
        assertEquals(List.of(root.resolve("src/main/rdl/demo.rdl")
                + ": demo.SMALL: regwidth 16 is not supported: the RegisterBus accesses 32 or 64 bits"), e.problems());
    }

    @Test
    public void namesThatClashInJavaAreRefused() throws Exception {
        Path root = project("""
                addrmap demo {
                    reg { field { sw = rw; } F[3:0]; } CHIP_ID @ 0x0;
                    reg { field { sw = rw; } F[3:0]; } chip_id @ 0x4;
                };
                """);
        DescriptionException e = assertThrows(DescriptionException.class, () -> RdlGeneration.run(settings(root)));
        assertTrue(e.getMessage(), e.getMessage().contains("register chip_id and register CHIP_ID both map to Java class ChipId"));
    }

    @Test
    public void noDescriptionsMeansNothingToDo() throws Exception {
        Path root = tmp.newFolder().toPath();
        assertEquals(RdlGeneration.Outcome.NO_SOURCES, RdlGeneration.run(settings(root)));
        assertFalse(Files.exists(root.resolve("target")));
    }
}
