package io.halcyon.rdl.rtl;

/**
 * A description uses something the RTL generator does not implement; the message names the block type,
 * the register or field, and the feature, so the build fails saying what to change.
 */
public final class UnsupportedRtlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedRtlException(String message) {
        super(message);
    }
}
