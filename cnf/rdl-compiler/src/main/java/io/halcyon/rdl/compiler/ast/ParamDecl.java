package io.halcyon.rdl.compiler.ast;

import io.halcyon.rdl.compiler.diag.SourceLocation;

/** A parameter of a component definition: {@code longint unsigned WIDTH = 32}. */
public record ParamDecl(SourceLocation loc, String type, boolean array, String name, Expr defaultValue) { }
