package io.halcyon.hal.api.bus;

/** No register or memory answers at the address (nothing is mapped there). */
public class DecodeErrorException extends BusException {
    private static final long serialVersionUID = 1L;

    public DecodeErrorException(long address, String operation) {
        this(address, operation, null);
    }

    public DecodeErrorException(long address, String operation, Throwable cause) {
        super("decode error", address, operation, cause);
    }
}
