package io.halcyon.hal.api.bus;

/** The addressed block rejected the access (for example a write to a locked register or an access of the wrong width). */
public class SlaveErrorException extends BusException {
    private static final long serialVersionUID = 1L;

    public SlaveErrorException(long address, String operation) {
        this(address, operation, null);
    }

    public SlaveErrorException(long address, String operation, Throwable cause) {
        super("slave error", address, operation, cause);
    }
}
