package io.halcyon.rdl.compiler.ast;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.List;

public record StructDef(SourceLocation loc, String name, String base, boolean isAbstract, List<Member> members) {

    public record Member(SourceLocation loc, String type, String name, boolean array) { }
}
