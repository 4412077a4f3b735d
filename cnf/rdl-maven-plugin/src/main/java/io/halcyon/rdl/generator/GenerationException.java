package io.halcyon.rdl.generator;

/**
 * A description that elaborates but cannot be turned into Java registers (e.g. a register width the
 * bus cannot access, two registers mapping to the same Java name). The message names the register.
 */
public final class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }
}
