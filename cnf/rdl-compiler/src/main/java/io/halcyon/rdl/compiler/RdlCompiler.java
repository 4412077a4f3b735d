package io.halcyon.rdl.compiler;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.ast.ComponentDef;
import io.halcyon.rdl.compiler.ast.Expr;
import io.halcyon.rdl.compiler.ast.PropertyDef;
import io.halcyon.rdl.compiler.diag.SourceLocation;
import io.halcyon.rdl.compiler.elab.Elaborator;
import io.halcyon.rdl.compiler.ipxact.IpxactImport;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.parse.Lexer;
import io.halcyon.rdl.compiler.parse.Parser;
import io.halcyon.rdl.compiler.preprocess.PerlPreprocessor;
import io.halcyon.rdl.compiler.preprocess.SourceText;
import io.halcyon.rdl.compiler.preprocess.VerilogPreprocessor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry point of the front end: compile one or more files into a shared root scope, then
 * elaborate a top address map. Every failure is an {@link io.halcyon.rdl.compiler.diag.RdlException}.
 */
public final class RdlCompiler {

    private final List<Path> includeDirs = new ArrayList<>();
    private final ComponentDef root = new ComponentDef(CompKind.ROOT, null, new SourceLocation("<root>", 0, 0), null);
    private PerlPreprocessor perl = PerlPreprocessor.system();

    public RdlCompiler addIncludeDir(Path dir) {
        includeDirs.add(dir);
        return this;
    }

    /** A file the front end reads as a register description: SystemRDL ({@code .rdl}) or IP-XACT ({@code .xml}). */
    public static boolean isDescription(Path file) {
        return file.getFileName().toString().endsWith(".rdl") || IpxactImport.isIpxact(file);
    }

    /** Replaces the Perl used for {@code <% %>} segments (null disables the Perl pass). */
    public RdlCompiler perl(PerlPreprocessor perl) {
        this.perl = perl;
        return this;
    }

    /**
     * Preprocesses and parses a file; definitions accumulate across calls, like the reference compiler.
     * An IP-XACT component ({@code .xml}) is read as the SystemRDL its register map translates to
     * ({@link IpxactImport}): its top addrmap, named after the component, joins the root scope.
     */
    public RdlCompiler compile(Path file) {
        if (IpxactImport.isIpxact(file)) {
            // Generated text: no Perl pass (a description may hold "<%"); its `line directives point into the XML.
            SourceText text = new VerilogPreprocessor(includeDirs, null).processText(IpxactImport.toSystemRdl(file),
                    file.toString());
            new Parser(new Lexer(text).tokenize(), root).parseRoot();
            return this;
        }
        SourceText text = new VerilogPreprocessor(includeDirs, perl).process(file);
        new Parser(new Lexer(text).tokenize(), root).parseRoot();
        return this;
    }

    public RdlCompiler compileText(String text, String name) {
        SourceText st = new VerilogPreprocessor(includeDirs, perl).processText(text, name);
        new Parser(new Lexer(st).tokenize(), root).parseRoot();
        return this;
    }

    /**
     * Registers a user-defined property as a tool would (for sources that use it without a
     * {@code property} definition). Type is a SystemRDL type name such as boolean, longint or string.
     */
    public RdlCompiler defineUdp(String name, String type, Set<String> components, Long defaultValue) {
        Expr dflt = defaultValue == null ? null
                : new Expr.Num(new SourceLocation("<api>", 0, 0), defaultValue, -1);
        root.properties().put(name, new PropertyDef(new SourceLocation("<api>", 0, 0), name, type, false,
                new LinkedHashSet<>(components), dflt));
        return this;
    }

    /** Root-level addrmap names in definition order. */
    public List<String> rootAddrmaps() {
        return Elaborator.rootAddrmaps(root);
    }

    /** Where a root-level component type was defined, or null if there is none of that name. */
    public SourceLocation definitionOf(String typeName) {
        ComponentDef d = root.types().get(typeName);
        return d == null ? null : d.loc();
    }

    /** Elaborates the named top (null: the last root-level addrmap). */
    public ElaboratedModel elaborate(String top) {
        return new Elaborator(root).elaborate(top);
    }
}
