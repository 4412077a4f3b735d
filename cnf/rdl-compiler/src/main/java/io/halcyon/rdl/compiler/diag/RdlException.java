package io.halcyon.rdl.compiler.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Raised when the input is not valid SystemRDL. Carries every diagnostic found, each with
 * file:line:column, so a caller can report them all without a stack trace.
 */
public class RdlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public RdlException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public RdlException(SourceLocation location, String message) {
        this(List.of(new Diagnostic(location, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
