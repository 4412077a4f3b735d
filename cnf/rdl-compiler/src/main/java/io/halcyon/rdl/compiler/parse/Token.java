package io.halcyon.rdl.compiler.parse;

import io.halcyon.rdl.compiler.diag.SourceLocation;

/**
 * A lexical token. Numbers carry their value and, for Verilog-style literals such as 4'hA, their
 * width (-1 when unsized), because concatenation and replication need widths.
 */
public record Token(Kind kind, String text, SourceLocation loc, long value, int width) {

    public enum Kind { ID, NUMBER, STRING, PUNCT, EOF }

    public boolean is(String punctOrKeyword) {
        return (kind == Kind.PUNCT || kind == Kind.ID) && text.equals(punctOrKeyword);
    }

    public String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
