package io.halcyon.rdl.compiler.diag;

/** One error message tied to the place in the source that caused it. */
public record Diagnostic(SourceLocation location, String message) {

    /**
     * Formats as {@code file:line:column: message}, the form editors and CI logs recognise, followed by
     * the include chain of a file that was {@code `include}d.
     */
    @Override
    public String toString() {
        return location + ": " + message + location.includeChain();
    }
}
