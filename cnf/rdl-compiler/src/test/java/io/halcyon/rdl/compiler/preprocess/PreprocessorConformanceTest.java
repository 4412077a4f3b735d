package io.halcyon.rdl.compiler.preprocess;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.Diagnostic;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;

/**
 * The preprocessor rules of SystemRDL 2.0 clause 16 and IEEE 1800-2017 22.5.1, one test each: the
 * standard's own examples where it has them (the MACRO1/MACRO3, msg and append examples of 22.5.1),
 * else files of our own. Every error is checked for the file:line:column it names in the original
 * files, after every preprocessor step.
 */
public class PreprocessorConformanceTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The Verilog-style pass's output with runs of blanks made one, as the expansions are compared. */
    private static String expand(String source) {
        return new VerilogPreprocessor(List.of(), null).processText(source, "t.rdl").text().replaceAll("[ \\t]+", " ").strip();
    }

    private static Diagnostic error(Runnable r) {
        return SourceFiles.expectError(r).diagnostics().get(0);
    }

    private static int width(ElaboratedModel m, String path) {
        return ((FieldNode) m.find(path)).width();
    }

    // --- 16.2 embedded Perl, with included files in place ------------------------------------

    @Test
    public void perlVariablesSetInAnIncludedFileAreSeenAfterTheInclude() throws IOException {
        SourceFiles.write(tmp, "consts.rdl", "<% $N = 3; $RESET = 5; %>\n");
        Path top = SourceFiles.write(tmp, "top.rdl", """
                `include "consts.rdl"
                addrmap top {
                <% for my $i (0 .. $N - 1) { %>  reg { field {} f[4] = <%= $RESET %>; } r<%= $i %>;
                <% } %>};
                """);
        ElaboratedModel m = new RdlCompiler().compile(top).elaborate(null);
        assertEquals(3, m.registers().size());
        assertEquals(Long.valueOf(5), m.registers().get(2).fields().get(0).reset());
    }

    @Test
    public void theStandardsPerlLoopExampleMakesItsFields() {
        // The shape of clause 16.2's example: a Perl loop with <%= %> in names and bit ranges.
        ElaboratedModel m = new RdlCompiler().compileText("""
                addrmap top {
                  reg myReg {
                  <% for( $i = 0; $i < 6; $i += 2 ) { %>
                    field {} data<%=$i%> [<%=$i+1%>:<%=$i%>];
                  <% } %>
                  } r;
                };
                """, "t.rdl").elaborate(null);
        assertEquals(3, m.registers().get(0).fields().size());
        for (int i = 0; i < 6; i += 2) {
            FieldNode f = (FieldNode) m.find("top.r.data" + i);
            assertEquals(i, f.lsb());
            assertEquals(2, f.width());
        }
    }

    @Test
    public void errorsInAnIncludedFileAfterPerlPointIntoItWithTheIncludeChain() throws IOException {
        Path inc = SourceFiles.write(tmp, "inc/regs.rdl", "<% $W = 4; %>\nreg r_t {\n  field {} f[<%= $W %>];\n  bogus;\n};\n");
        Path top = SourceFiles.write(tmp, "top.rdl", "// header\n`include \"inc/regs.rdl\"\naddrmap top { r_t x; };\n");
        Diagnostic d = error(() -> new RdlCompiler().compile(top).elaborate(null));
        assertEquals(inc + ":4:3", d.location().toString());
        assertEquals(top + ":2:1", d.location().includedFrom().toString());
        assertTrue(d.toString(), d.toString().endsWith("(included from " + top + ":2:1)"));
    }

    @Test
    public void textAfterPerlKeepsItsLinesAndColumnsAndPrintedTextIsPlacedAtItsTag() throws IOException {
        Path f = SourceFiles.write(tmp, "p.rdl", "addrmap top {\n  reg { field {} f[<%= 2 + 2 %>]; } r;\n  <%= 'nosuch' %> x;\n    bad;\n};\n");
        Diagnostic printed = error(() -> new RdlCompiler().compile(f).elaborate(null));
        assertEquals(f + ":3:3", printed.location().toString());
        Path g = SourceFiles.write(tmp, "q.rdl", "addrmap top {\n  reg { field {} f[<%= 2 + 2 %>]; } r;  bad;\n};\n");
        assertEquals(g + ":2:41", error(() -> new RdlCompiler().compile(g).elaborate(null)).location().toString());
    }

    @Test
    public void aPerlBlockThatDiesIsReportedAtItsLine() throws IOException {
        Path f = SourceFiles.write(tmp, "die.rdl", "addrmap top {\n  <% my $x = 1;\n     die \"no such width\" if $x; %>\n};\n");
        Diagnostic d = error(() -> new RdlCompiler().compile(f));
        assertEquals(f + ":3:1", d.location().toString());
        assertEquals("embedded Perl failed: no such width", d.message());
        // A message ending in a newline carries no line from Perl: the block that was running is named.
        Path g = SourceFiles.write(tmp, "die2.rdl", "addrmap top {\n  <% die \"no such width\\n\"; %>\n};\n");
        assertEquals(g + ":2:3", error(() -> new RdlCompiler().compile(g)).location().toString());
    }

    @Test
    public void aPerlSyntaxErrorIsReportedAtItsTag() throws IOException {
        Path f = SourceFiles.write(tmp, "syntax.rdl", "addrmap top {\n  reg { field {} f; } <% my $x = ; %> r;\n};\n");
        Diagnostic d = error(() -> new RdlCompiler().compile(f));
        assertEquals(f + ":2:23", d.location().toString());
        assertTrue(d.message(), d.message().startsWith("embedded Perl failed: syntax error"));
    }

    @Test(timeout = 20_000)
    public void aPerlProgramThatLoopsIsStoppedAndReportedAtTheRunningBlock() throws IOException {
        Path f = SourceFiles.write(tmp, "loop.rdl", "addrmap top {\n  reg { field {} f; } r;\n  <% while (1) { } %>\n};\n");
        RdlCompiler compiler = new RdlCompiler().perl(new PerlPreprocessor("/usr/bin/perl", Duration.ofSeconds(1)));
        Diagnostic d = error(() -> compiler.compile(f));
        assertEquals(f + ":3:3", d.location().toString());
        assertTrue(d.message(), d.message().contains("did not finish within 1 s"));
    }

    @Test
    public void filesWithoutPerlStillReadIncludesOnlyWhereConditionalsKeepThem() {
        // No Perl anywhere: an include in a false branch is never looked for.
        assertTrue(expand("`ifdef NOPE\n`include \"missing.rdl\"\n`endif\nok\n").endsWith("ok"));
    }

    // --- 22.5.1 macro text ---------------------------------------------------------------------

    @Test
    public void blockCommentsInMacroTextAreLeftOutAndASlashStarInsideOneOpensNothing() {
        assertEquals("a = 4;", expand("`define W 4 /* the /* width */\na = `W;"));
        assertEquals("a = 4 + 1;", expand("`define W 4 /* one */ + /* two */ 1\na = `W;"));
    }

    @Test
    public void aContinuedBodyMayOpenABlockCommentOnTheNextLine() {
        String src = "`define SUM 1 + \\\n  /* the second term,\n     on two lines */ 2\nx = `SUM;\ny";
        List<String> lines = new VerilogPreprocessor(List.of(), null).processText(src, "t.rdl").text().lines().toList();
        assertEquals("x = 1 + 2;", lines.get(3).replaceAll("\\s+", " "));
        assertEquals("y", lines.get(4)); // lines stay aligned: x and y are still on lines 4 and 5
    }

    @Test
    public void aContinuedBodyMayCloseABlockCommentOnTheNextLine() {
        String out = expand("`define SUM 1 /* starts here \\\n  ends here */ + \\\n  2\nx = `SUM;");
        assertTrue(out, out.endsWith("x = 1 + 2;"));
    }

    @Test
    public void aLineCommentAtTheEndOfAContinuedLineIsLeftOutAndTheBodyGoesOn() {
        assertTrue(expand("`define SUM 1 + // first term \\\n  2 // second term\nx = `SUM;").endsWith("x = 1 + 2;"));
    }

    @Test
    public void argumentsAndDefaultsFollowTheStandardsExamples() {
        String defs = "`define MACRO1(a=5,b=\"B\",c) $display(a,,b,,c);\n`define MACRO3(a=5, b=0, c=\"C\") $display(a,,b,,c);\n";
        assertTrue(expand(defs + "`MACRO1 ( , 2, 3 )").endsWith("$display(5,,2,,3);"));
        assertTrue(expand(defs + "`MACRO1 ( 1 , , 3 )").endsWith("$display(1,,\"B\",,3);"));
        assertTrue(expand(defs + "`MACRO1 ( , 2, )").endsWith("$display(5,,2,,);"));
        assertTrue(expand(defs + "`MACRO3 ( 1 )").endsWith("$display(1,,0,,\"C\");"));
        assertTrue(expand(defs + "`MACRO3 ( )").endsWith("$display(5,,0,,\"C\");"));
        Diagnostic illegal = error(() -> expand(defs + "  `MACRO1 ( 1 )"));
        assertEquals("t.rdl:3:3", illegal.location().toString());
        assertEquals("macro 'MACRO1' takes 3 arguments but was given 1: argument 'c' has no default", illegal.message());
        assertEquals("t.rdl:3:1", error(() -> expand(defs + "`MACRO3\nx")).location().toString());
    }

    @Test
    public void tooManyArgumentsIsAnErrorAtTheMacrosUse() {
        Diagnostic d = error(() -> expand("`define TWO(a, b) a+b\nx = 1;\n  y = `TWO(1, 2, 3);"));
        assertEquals("t.rdl:3:7", d.location().toString());
        assertEquals("macro 'TWO' takes 2 arguments but was given 3", d.message());
    }

    @Test
    public void macroQuotesAndPastesFollowTheStandardsExamples() {
        assertTrue(expand("`define msg(x,y) `\"x: `\\`\"y`\\`\"`\"\n$display(`msg(left side,right side));")
                .endsWith("$display(\"left side: \\\"right side\\\"\");"));
        assertTrue(expand("`define append(f) f``_master\n`append(clock)").endsWith("clock_master"));
        // In a plain string literal an argument's name is text, not the argument.
        assertTrue(expand("`define S(x) \"x\" x\n`S(1)").endsWith("\"x\" 1"));
    }

    @Test
    public void macroCallsNestInArguments() {
        ElaboratedModel m = new RdlCompiler().compileText("""
                `define ADD(a, b) (a + b)
                `define W(x) x
                addrmap top { reg { field {} f[`W(`ADD(`ADD(1, 2), 3))]; } r; };
                """, "t.rdl").elaborate(null);
        assertEquals(6, width(m, "top.r.f"));
    }

    @Test
    public void errorsInsideAMacroExpansionPointAtTheMacrosUseAndLaterTextKeepsItsPlace() {
        String src = "`define BAD reg { field {} f } r;\naddrmap top {\n  `BAD\n  nosuch y;\n};\n";
        assertEquals("t.rdl:3:3", error(() -> new RdlCompiler().compileText(src, "t.rdl")).location().toString());
        String multi = "`define W(x) \\\n   x\naddrmap top {\n  reg { field {} f[`W(\n    2)]; } r;\n  nosuch y;\n};\n";
        assertEquals("t.rdl:6:3", error(() -> new RdlCompiler().compileText(multi, "t.rdl").elaborate(null)).location().toString());
    }

    @Test
    public void defaultsAndMacrosWithoutParametersNeedNoArguments() {
        assertTrue(expand("`define NONE() empty\n`NONE()").endsWith("empty"));
        assertFalse(expand("`define PLAIN text\n`PLAIN (1)").contains("PLAIN"));
    }
}
