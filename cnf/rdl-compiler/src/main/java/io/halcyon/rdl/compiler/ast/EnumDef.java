package io.halcyon.rdl.compiler.ast;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.List;

public record EnumDef(SourceLocation loc, String name, List<Member> members) {

    public record Member(SourceLocation loc, String name, Expr value, List<Stmt.PropAssign> properties) { }
}
