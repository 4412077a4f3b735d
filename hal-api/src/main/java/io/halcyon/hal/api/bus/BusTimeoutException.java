package io.halcyon.hal.api.bus;

/** The access did not complete within the platform's bus timeout. */
public class BusTimeoutException extends BusException {
    private static final long serialVersionUID = 1L;

    public BusTimeoutException(long address, String operation) {
        this(address, operation, null);
    }

    public BusTimeoutException(long address, String operation, Throwable cause) {
        super("bus timeout", address, operation, cause);
    }
}
