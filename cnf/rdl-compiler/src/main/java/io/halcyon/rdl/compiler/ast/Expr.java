package io.halcyon.rdl.compiler.ast;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.List;

/** Expression syntax trees; evaluated by the elaborator in the scope where they were written. */
public sealed interface Expr {

    SourceLocation loc();

    record Num(SourceLocation loc, long value, int width) implements Expr { }

    record Str(SourceLocation loc, String value) implements Expr { }

    record Bool(SourceLocation loc, boolean value) implements Expr { }

    /** One step of a hierarchical reference: {@code name[i][j]}. */
    record Segment(SourceLocation loc, String name, List<Expr> indices) { }

    /**
     * A name or hierarchical reference, optionally followed by {@code ->prop}. A lone name may turn
     * out to be a parameter, an enumerated keyword (rw, woclr, ...) or an instance.
     */
    record Ref(SourceLocation loc, List<Segment> path, String property) implements Expr {
        public boolean isSimpleName() {
            return path.size() == 1 && path.get(0).indices().isEmpty() && property == null;
        }
    }

    record EnumMember(SourceLocation loc, String enumName, String member) implements Expr { }

    record Unary(SourceLocation loc, String op, Expr operand) implements Expr { }

    record Binary(SourceLocation loc, String op, Expr left, Expr right) implements Expr { }

    record Ternary(SourceLocation loc, Expr cond, Expr then, Expr otherwise) implements Expr { }

    record Concat(SourceLocation loc, List<Expr> items) implements Expr { }

    record Replicate(SourceLocation loc, Expr count, List<Expr> items) implements Expr { }

    /** {@code longint'(x)}, {@code boolean'(x)}, {@code bit'(x)} (typeName set) or {@code (8)'(x)} (width set). */
    record Cast(SourceLocation loc, String typeName, Expr width, Expr value) implements Expr { }

    record ArrayLit(SourceLocation loc, List<Expr> items) implements Expr { }

    record StructMemberInit(SourceLocation loc, String name, Expr value) { }

    record StructLit(SourceLocation loc, String typeName, List<StructMemberInit> members) implements Expr { }
}
