package io.halcyon.rdl.compiler.ipxact;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.Diagnostic;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.ipxact.RegisterLayout.Detail;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * IP-XACT components elaborate to the same register layout as their SystemRDL renderings: public IP
 * (the SPIRIT Consortium's Leon2 clock generation unit, in IEEE 1685-2014 as published and restated in
 * 1685-2009, against the SystemRDL the corpus has of it; PeakRDL-ipxact's example against its own
 * SystemRDL source) and our own files covering every mapping, in both schemas. Bad input is an error at
 * the file, line and column it comes from.
 */
public class IpxactImportTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Path resource(String name) {
        try {
            return Path.of(IpxactImportTest.class.getResource("/ipxact/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ElaboratedModel compile(Path file) {
        return new RdlCompiler().compile(file).elaborate(null);
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Diagnostic error(Path file) {
        try {
            compile(file);
        } catch (RdlException e) {
            return e.diagnostics().get(0);
        }
        fail("expected an error for " + file);
        return null;
    }

    @Test
    public void leon2ClockGenerationUnitMatchesItsSystemRdlInBothSchemas() {
        List<String> rdl = RegisterLayout.of(compile(Corpus.dir().resolve("systemrdl-compiler/accellera-Leon2/cgu.rdl")));
        assertEquals(8 * 3 + 2, rdl.size()); // eight divider registers of two fields, the ID register
        assertEquals(rdl, RegisterLayout.of(compile(resource("leon2/cgu-1685-2014.xml"))));
        assertEquals(rdl, RegisterLayout.of(compile(resource("leon2/cgu-1685-2009.xml"))));
    }

    @Test
    public void peakRdlExampleMatchesItsSystemRdlSourceHardwareAccessIncluded() {
        assertEquals(RegisterLayout.of(compile(resource("peakrdl-ipxact/my_subblock.rdl")), Detail.HARDWARE),
                RegisterLayout.of(compile(resource("peakrdl-ipxact/my_subblock.xml")), Detail.HARDWARE));
    }

    @Test
    public void everyMappingMatchesTheSystemRdlRenderingInBothSchemas() {
        List<String> rdl = RegisterLayout.of(compile(resource("own/features.rdl")), Detail.HARDWARE, Detail.TEXT);
        assertEquals(rdl, RegisterLayout.of(compile(resource("own/features-1685-2014.xml")), Detail.HARDWARE, Detail.TEXT));
        assertEquals(rdl, RegisterLayout.of(compile(resource("own/features-1685-2009.xml")), Detail.HARDWARE, Detail.TEXT));
    }

    private static final String HEAD = "<?xml version=\"1.0\"?>\n"
            + "<ipxact:component xmlns:ipxact=\"http://www.accellera.org/XMLSchema/IPXACT/1685-2014\">\n"
            + "<ipxact:name>c</ipxact:name><ipxact:memoryMaps><ipxact:memoryMap><ipxact:name>m</ipxact:name>\n";
    private static final String TAIL = "</ipxact:memoryMap></ipxact:memoryMaps></ipxact:component>\n";

    private static String block(String name, String base, String usage, String body) {
        return "<ipxact:addressBlock><ipxact:name>" + name + "</ipxact:name><ipxact:baseAddress>" + base
                + "</ipxact:baseAddress><ipxact:range>'h100</ipxact:range><ipxact:width>32</ipxact:width><ipxact:usage>"
                + usage + "</ipxact:usage>\n" + body + "</ipxact:addressBlock>\n";
    }

    private static String register(String name, String offset, String extra, String fields) {
        return "<ipxact:register><ipxact:name>" + name + "</ipxact:name>" + extra + "<ipxact:addressOffset>" + offset
                + "</ipxact:addressOffset><ipxact:size>32</ipxact:size>\n" + fields + "</ipxact:register>\n";
    }

    private static String field(String name, int lsb, int width, String extra) {
        return "<ipxact:field><ipxact:name>" + name + "</ipxact:name><ipxact:bitOffset>" + lsb + "</ipxact:bitOffset>"
                + "<ipxact:bitWidth>" + width + "</ipxact:bitWidth>" + extra + "</ipxact:field>\n";
    }

    @Test
    public void severalBlocksNestMemoriesImportAndArraysMayHaveSeveralDimensions() throws IOException {
        Path f = write("blocks.xml", HEAD
                + block("regs", "'h1000", "register", register("M", "0", "<ipxact:dim>2</ipxact:dim><ipxact:dim>3</ipxact:dim>",
                        field("V", 0, 16, "")))
                + block("buf", "'h2000", "memory", "")
                + block("hole", "'h3000", "reserved", "")
                + TAIL);
        ElaboratedModel m = compile(f);
        assertEquals(6, m.registers().size());
        assertEquals("c.regs.M[1][2]", m.registers().get(5).path());
        assertEquals(0x1000 + 5 * 4, m.registers().get(5).absoluteAddress());
        assertEquals(List.of("c.buf mem @0x2000 64 x 32 sw=rw"), RegisterLayout.of(m).subList(12, 13));
    }

    // --- bad input -------------------------------------------------------------------------------

    @Test
    public void malformedXmlIsReportedWhereTheParserStopped() throws IOException {
        Path f = write("bad.xml", HEAD + "<ipxact:addressBlock>\n  <ipxact:name>x</ipxact:nam>\n" + TAIL);
        Diagnostic d = error(f);
        assertEquals(f.toString(), d.location().file());
        assertEquals(5, d.location().line());
        assertTrue(d.message(), d.message().startsWith("malformed XML: "));
    }

    @Test
    public void anUnknownSchemaVersionIsNamed() throws IOException {
        Path f = write("spirit15.xml", "<?xml version=\"1.0\"?>\n\n<spirit:component "
                + "xmlns:spirit=\"http://www.spiritconsortium.org/XMLSchema/SPIRIT/1.5\"><spirit:name>c</spirit:name>"
                + "</spirit:component>\n");
        Diagnostic d = error(f);
        assertEquals(3, d.location().line());
        assertTrue(d.message(), d.message().startsWith("unknown IP-XACT schema version: <component> in namespace "
                + "'http://www.spiritconsortium.org/XMLSchema/SPIRIT/1.5' (supported: IEEE 1685-2014"));
    }

    @Test
    public void unsupportedConstructsAreReportedWhereTheyAre() throws IOException {
        Path constraint = write("wvc.xml", HEAD + block("b", "0", "register", register("R", "0", "",
                field("F", 0, 4, "\n<ipxact:writeValueConstraint><ipxact:minimum>0</ipxact:minimum>"
                        + "</ipxact:writeValueConstraint>"))) + TAIL);
        Diagnostic d = error(constraint);
        assertEquals(constraint + ":7", d.location().file() + ":" + d.location().line());
        assertTrue(d.message(), d.message().startsWith("unsupported IP-XACT element <writeValueConstraint> in field R.F"));
        Path registerFile = write("rf.xml", HEAD + block("b", "0", "register", "\n<ipxact:registerFile/>\n") + TAIL);
        assertEquals(6, error(registerFile).location().line());
        assertTrue(error(registerFile).message().contains("<registerFile> in address block b"));
    }

    @Test
    public void valuesThatAreNotNumbersOrPartialResetMasksAreErrorsAtTheirElement() throws IOException {
        Path expr = write("expr.xml", HEAD + block("b", "0", "register", register("R", "\nnosuch + 4", "",
                field("F", 0, 4, ""))) + TAIL);
        Diagnostic d = error(expr);
        assertEquals(5, d.location().line());
        assertTrue(d.message(), d.message().contains("no parameter 'nosuch'"));
        Path mask = write("mask.xml", HEAD + block("b", "0", "register", register("R", "0", "", field("F", 0, 4,
                "\n<ipxact:resets><ipxact:reset><ipxact:value>3</ipxact:value><ipxact:mask>'h1</ipxact:mask>"
                        + "</ipxact:reset></ipxact:resets>"))) + TAIL);
        assertTrue(error(mask).message(), error(mask).message().contains("reset mask covers part of field R.F"));
    }

    @Test
    public void whatTheElaborationFindsWrongIsReportedAtTheXmlElementsLine() throws IOException {
        Path overlap = write("overlap.xml", HEAD + block("b", "0", "register",
                register("A", "0", "", field("F", 0, 4, "")) + register("B", "'h0", "", field("G", 0, 4, ""))) + TAIL);
        Diagnostic d = error(overlap);
        assertEquals(overlap.toString(), d.location().file());
        assertEquals(8, d.location().line()); // register B's element
        assertTrue(d.message(), d.message().contains("'B'") && d.message().contains("overlaps with 'A'"));
    }
}
