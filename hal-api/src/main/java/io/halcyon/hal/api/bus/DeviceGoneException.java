package io.halcyon.hal.api.bus;

/** The device no longer answers: a production read returned all ones, the PCI device was removed, or the simulator or emulator process went away. */
public class DeviceGoneException extends BusException {
    private static final long serialVersionUID = 1L;

    public DeviceGoneException(long address, String operation) {
        this(address, operation, null);
    }

    public DeviceGoneException(long address, String operation, Throwable cause) {
        super("device gone", address, operation, cause);
    }
}
