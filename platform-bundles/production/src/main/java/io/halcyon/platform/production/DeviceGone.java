package io.halcyon.platform.production;

import io.halcyon.hal.api.bus.DeviceGoneException;

/**
 * A {@link DeviceGoneException} that says which device and why: "device 0000:00:04.0 gone: ...", and the
 * access that found out, if one did.
 */
final class DeviceGone extends DeviceGoneException {
    private static final long serialVersionUID = 1L;

    /** The operation of a device found gone without an access (its presence was checked). */
    static final String PRESENCE = "presence check";

    private final String detail;

    DeviceGone(String device, long address, String operation, String why) {
        super(address, operation);
        this.detail = "device " + device + " gone: " + why;
    }

    @Override
    public String getMessage() {
        return operation().equals(PRESENCE) ? detail : detail + " (" + super.getMessage() + ")";
    }
}
