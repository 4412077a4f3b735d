package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The embedded Perl pass (<% %> and <%= %>), run through the system's perl. */
public class PerlPreprocessorTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void textIsReferencedAndPerlRunsUnderTheFilesLineNumbers() {
        List<PerlSegments.Segment> segments = List.of(
                new PerlSegments.Segment(PerlSegments.Kind.TEXT, "a'b", new SourceLocation("t.rdl", 1, 1)),
                new PerlSegments.Segment(PerlSegments.Kind.CODE, " my $x = 2; ", new SourceLocation("t.rdl", 1, 4)),
                new PerlSegments.Segment(PerlSegments.Kind.EXPRESSION, "$x*3", new SourceLocation("t.rdl", 2, 3)));
        assertEquals("$| = 1; alarm(12);\n"
                + "print \"\\x01R0\\x02\";\n"
                + "print \"\\x01P1\\x02\";\n# line 1 \"t.rdl\"\n my $x = 2; \n"
                + "print \"\\x01P2\\x02\";\n# line 2 \"t.rdl\"\nprint($x*3);\n",
                PerlPreprocessor.system().program(segments));
    }

    @Test
    public void unterminatedSegmentIsAnError() {
        try {
            new RdlCompiler().compileText("x\n<% foo", "t.rdl");
            fail("expected an error");
        } catch (RdlException e) {
            assertEquals("t.rdl:2:1", e.diagnostics().get(0).location().toString());
        }
    }

    @Test
    public void generatesRegistersWithALoop() throws IOException {
        assertTrue("perl is needed (.ci/run installs it)", Files.isExecutable(Path.of("/usr/bin/perl")));
        Path f = tmp.getRoot().toPath().resolve("gen.rdl");
        Files.writeString(f, """
                addrmap top {
                <% for my $i (0..3) { %>
                  reg { field {} f[<%=$i+1%>] = <%=$i%>; } r<%=$i%>;
                <% } %>
                };
                """);
        ElaboratedModel m = new RdlCompiler().compile(f).elaborate(null);
        assertEquals(4, m.registers().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, m.registers().get(i).fields().get(0).width());
            assertEquals(Long.valueOf(i), m.registers().get(i).fields().get(0).reset());
        }
    }

    @Test
    public void perlRunsBeforeTheVerilogPass() throws IOException {
        assertTrue("perl is needed (.ci/run installs it)", Files.isExecutable(Path.of("/usr/bin/perl")));
        Path f = tmp.getRoot().toPath().resolve("mix.rdl");
        Files.writeString(f, "`define N <%= 2 * 4 %>\naddrmap top { reg { field {} f[`N]; } r; };\n");
        assertEquals(8, new RdlCompiler().compile(f).elaborate(null).registers().get(0).fields().get(0).width());
    }

    @Test
    public void includedFilesGetThePerlPassToo() throws IOException {
        assertTrue("perl is needed (.ci/run installs it)", Files.isExecutable(Path.of("/usr/bin/perl")));
        Path dir = tmp.getRoot().toPath();
        Files.writeString(dir.resolve("inc.rdl"), "reg r_t { field {} f[<%= 5 %>]; };\n");
        Path top = dir.resolve("top.rdl");
        Files.writeString(top, "`include \"inc.rdl\"\naddrmap top { r_t x; };\n");
        ElaboratedModel m = new RdlCompiler().compile(top).elaborate(null);
        assertNotNull(m.find("top.x.f"));
        assertEquals(5, m.registers().get(0).fields().get(0).width());
    }

    @Test
    public void perlFailureIsReportedAsADiagnostic() throws IOException {
        assertTrue("perl is needed (.ci/run installs it)", Files.isExecutable(Path.of("/usr/bin/perl")));
        Path f = tmp.getRoot().toPath().resolve("bad.rdl");
        Files.writeString(f, "<% die \"boom\\n\"; %>\n");
        try {
            new RdlCompiler().compile(f);
            fail("expected an error");
        } catch (RdlException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("boom"));
            assertEquals(f.toString(), e.diagnostics().get(0).location().file());
        }
    }
}
