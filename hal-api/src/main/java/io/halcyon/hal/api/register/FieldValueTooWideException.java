package io.halcyon.hal.api.register;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Thrown when a value handed to a field setter has bits set above the field's width, e.g.
 * {@code value 0x10 too wide for sysctrl.VERSION.REVISION: 4 bits, allowed 0x0..0xf}.
 */
@ProviderType
public class FieldValueTooWideException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final int width;
    private final long value;

    /**
     * @param field {@code block.register.field}
     * @param width the field's width in bits, 1..63
     * @param value the rejected value, as its bit pattern (a negative int arrives zero-extended)
     */
    public FieldValueTooWideException(String field, int width, long value) {
        super("value 0x" + Long.toHexString(value) + " too wide for " + field + ": " + width
                + (width == 1 ? " bit" : " bits") + ", allowed 0x0..0x" + Long.toHexString((1L << width) - 1));
        this.field = field;
        this.width = width;
        this.value = value;
    }

    /** {@code block.register.field}. */
    public String field() {
        return field;
    }

    public int width() {
        return width;
    }

    public long value() {
        return value;
    }
}
