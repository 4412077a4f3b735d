package io.halcyon.rdl.compiler.diag;

/** A position in an original source file (before preprocessing), 1-based line and column. */
public record SourceLocation(String file, int line, int column) {

    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
