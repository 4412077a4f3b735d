package io.halcyon.rdl.compiler.ast;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.List;

/** Statements of a component body (or of the root scope). */
public sealed interface Stmt {

    SourceLocation loc();

    /** {@code [default] [modifier] prop [= value];} */
    record PropAssign(SourceLocation loc, String property, Expr value, String modifier, boolean isDefault)
            implements Stmt { }

    /** {@code path->prop [= value];} */
    record DynamicAssign(SourceLocation loc, Expr.Ref target, String property, Expr value, String modifier)
            implements Stmt { }

    record ArrayDim(SourceLocation loc, Expr first, Expr second) { }

    record InstanceDecl(SourceLocation loc, String name, List<ArrayDim> dims, Expr reset, Expr at, Expr stride,
            Expr align) { }

    record ParamAssign(SourceLocation loc, String name, Expr value) { }

    /**
     * Instantiation of a named type ({@code typeName}) or of a definition written in place
     * ({@code definition}, anonymous or named-and-instantiated).
     */
    record Instantiate(SourceLocation loc, String typeName, ComponentDef definition, List<ParamAssign> params,
            Boolean external, String aliasPrimary, List<InstanceDecl> instances) implements Stmt { }
}
