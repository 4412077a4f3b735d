package io.halcyon.platform.chipmodel.runtime;

/**
 * Two chip maps that cannot be known side by side: they share a name, a chip of one reads as the
 * other, or telling them apart would read a register whose read has side effects on one of them.
 */
public final class ChipMapConflictException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String first;
    private final String second;

    ChipMapConflictException(String first, String second, String message) {
        super(message);
        this.first = first;
        this.second = second;
    }

    /** The chip map met first. */
    public String first() {
        return first;
    }

    /** The chip map that conflicts with it. */
    public String second() {
        return second;
    }
}
