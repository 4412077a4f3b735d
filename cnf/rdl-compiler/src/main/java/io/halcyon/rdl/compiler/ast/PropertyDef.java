package io.halcyon.rdl.compiler.ast;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.Set;

/** A user-defined property ({@code property name { type = ...; component = ...; };}). */
public record PropertyDef(SourceLocation loc, String name, String type, boolean array, Set<String> components,
        Expr defaultValue) { }
