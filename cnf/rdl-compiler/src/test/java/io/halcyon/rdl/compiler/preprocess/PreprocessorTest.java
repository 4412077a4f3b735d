package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The Verilog-style preprocessor pass: include with search paths, macros, conditionals, `line. */
public class PreprocessorTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path write(String name, String text) throws IOException {
        return SourceFiles.write(tmp, name, text);
    }

    private static RdlException expectError(Runnable r) {
        return SourceFiles.expectError(r);
    }

    @Test
    public void includeFindsFilesNextToTheSourceThenOnTheSearchPath() throws IOException {
        write("lib/regs.rdl", "reg my_reg_t { field {} f[8] = 1; };\n");
        write("local.rdl", "reg local_t { field {} g; };\n");
        Path top = write("src/top.rdl", "`include \"../local.rdl\"\n`include \"regs.rdl\"\n"
                + "addrmap top { my_reg_t a; local_t b; };\n");
        ElaboratedModel m = new RdlCompiler().addIncludeDir(tmp.getRoot().toPath().resolve("lib")).compile(top)
                .elaborate(null);
        assertNotNull(m.find("top.a.f"));
        assertNotNull(m.find("top.b.g"));

        RdlException e = expectError(() -> new RdlCompiler().compile(top));
        SourceLocation loc = e.diagnostics().get(0).location();
        assertTrue(e.getMessage(), e.getMessage().contains("cannot find `include file 'regs.rdl'"));
        assertEquals(2, loc.line());
        assertEquals(1, loc.column());
    }

    @Test
    public void errorsInsideIncludedFilesPointIntoThem() throws IOException {
        Path inc = write("bad.rdl", "\n\nreg r { field {} f } ;\n");
        Path top = write("top.rdl", "// header\n`include \"bad.rdl\"\naddrmap top { r x; };\n");
        RdlException e = expectError(() -> new RdlCompiler().compile(top));
        SourceLocation loc = e.diagnostics().get(0).location();
        assertEquals(inc.toString(), loc.file());
        assertEquals(3, loc.line());
        assertEquals(20, loc.column());
    }

    @Test
    public void linesAfterAnIncludeKeepTheirNumbers() throws IOException {
        write("defs.rdl", "reg r { field {} f; };\nreg s { field {} f; };\n");
        Path top = write("top.rdl", "`include \"defs.rdl\"\n\naddrmap top {\n  r x;\n  nosuch y;\n};\n");
        RdlException e = expectError(() -> new RdlCompiler().compile(top));
        assertEquals(top.toString() + ":5:3", e.diagnostics().get(0).location().toString());
    }

    @Test
    public void definesWithArgumentsConditionalsAndUndef() {
        String src = """
                `define WIDTH 8
                `define FIELD(n, w) field {} n[w]
                `ifdef WIDTH
                `define HAVE_WIDTH
                `endif
                `ifndef HAVE_WIDTH
                  this is not RDL and must be skipped
                `elsif NOT_DEFINED
                  neither is this
                `else
                `define CHOSEN 3
                `endif
                `undef WIDTH
                `ifdef WIDTH
                  skipped too
                `endif
                addrmap top {
                  reg { `FIELD(a, 4); `FIELD(b, `CHOSEN); } r;
                };
                """;
        ElaboratedModel m = new RdlCompiler().compileText(src, "t.rdl").elaborate(null);
        assertEquals(4, ((FieldNode) m.find("top.r.a")).width());
        assertEquals(3, ((FieldNode) m.find("top.r.b")).width());
        assertEquals(4, ((FieldNode) m.find("top.r.b")).lsb());
    }

    @Test
    public void nestedConditionals() {
        String src = """
                `define A
                `ifdef A
                  `ifdef B
                    garbage
                  `else
                    addrmap top { reg { field {} inner; } r; };
                  `endif
                `else
                  garbage
                `endif
                """;
        assertNotNull(new RdlCompiler().compileText(src, "t.rdl").elaborate(null).find("top.r.inner"));
    }

    @Test
    public void macroUsedInDefineFromCorpusStyle() {
        String src = """
                property int_prop { type = longint; component = all; };
                addrmap t {
                  reg myreg { field {} f; };
                  `define EXPR(name, expr) myreg name; name->int_prop = expr
                  `EXPR(add, 3 + 5);
                  `EXPR(cat, {4'h1, 4'h2});
                };
                """;
        ElaboratedModel m = new RdlCompiler().compileText(src, "t.rdl").elaborate(null);
        assertEquals(8L, m.find("t.add").userProperties().get("int_prop"));
        assertEquals(0x12L, m.find("t.cat").userProperties().get("int_prop"));
    }

    @Test
    public void lineDirectiveRenamesFileAndLine() {
        String src = "addrmap top {\n`line 100 \"generated.rdl\" 0\n  bogus;\n};\n";
        RdlException e = expectError(() -> new RdlCompiler().compileText(src, "t.rdl").elaborate(null));
        assertEquals("generated.rdl:100:3", e.diagnostics().get(0).location().toString());
    }

    @Test
    public void preprocessorErrorsHaveLocations() {
        RdlException e = expectError(() -> new RdlCompiler().compileText("\n  `UNDEFINED_MACRO\n", "t.rdl"));
        assertEquals("t.rdl:2:3", e.diagnostics().get(0).location().toString());
        e = expectError(() -> new RdlCompiler().compileText("`ifdef X\naddrmap a {};\n", "t.rdl"));
        assertEquals("t.rdl:1:1", e.diagnostics().get(0).location().toString());
        e = expectError(() -> new RdlCompiler().compileText("`endif\n", "t.rdl"));
        assertTrue(e.getMessage().contains("without a preceding"));
    }

    @Test
    public void macroExpansionKeepsLaterColumns() {
        String src = "`define W 8\naddrmap top { reg { field {} f[`W]; } r; bad bad; };\n";
        RdlException e = expectError(() -> new RdlCompiler().compileText(src, "t.rdl").elaborate(null));
        assertEquals("t.rdl:2:42", e.diagnostics().get(0).location().toString());
    }

    @Test
    public void disabledTextIsNotInterpreted() {
        ElaboratedModel m = new RdlCompiler().compileText("`ifdef NOPE\n`include \"missing.rdl\"\n`endif\n"
                + "addrmap top { reg { field {} f; } r; };\n", "t.rdl").elaborate(null);
        assertNull(m.find("top.nothing"));
        assertNotNull(m.find("top.r"));
    }
}
