package io.halcyon.hal.api.bus;

/**
 * A bus access failed. Subclasses say how; every one names the address and the operation, so that
 * a message like "slave error at 0x00010040 (write32)" can be reported as it is.
 */
public abstract class BusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;
    private final String operation;

    protected BusException(String what, long address, String operation, Throwable cause) {
        super(String.format("%s at 0x%08x (%s)", what, address, operation), cause);
        this.address = address;
        this.operation = operation;
    }

    /** The absolute register address of the failed access. */
    public long address() {
        return address;
    }

    /** The access that failed, e.g. {@code read32}, {@code write64}, {@code post32}. */
    public String operation() {
        return operation;
    }
}
