package io.halcyon.rdl.compiler.diag;

/**
 * A position in an original source file (before preprocessing), 1-based line and column, and where
 * that file was {@code `include}d from (null for a file given to the compiler).
 */
public record SourceLocation(String file, int line, int column, SourceLocation includedFrom) {

    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0);

    public SourceLocation(String file, int line, int column) {
        this(file, line, column, null);
    }

    /** The same place in the same file, {@code columns} further on the line. */
    public SourceLocation plusColumns(int columns) {
        return new SourceLocation(file, line, column + columns, includedFrom);
    }

    /** {@code file:line:column}, the form editors and CI logs recognise; the include chain is {@link #includeChain()}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    /** {@code " (included from b.rdl:3:1, top.rdl:1:1)"}, or empty for a file given to the compiler. */
    public String includeChain() {
        if (includedFrom == null) {
            return "";
        }
        StringBuilder chain = new StringBuilder(" (included from ");
        for (SourceLocation at = includedFrom; at != null; at = at.includedFrom) {
            chain.append(at).append(at.includedFrom != null ? ", " : ")");
        }
        return chain.toString();
    }
}
