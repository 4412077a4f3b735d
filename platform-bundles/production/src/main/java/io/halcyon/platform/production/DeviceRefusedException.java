package io.halcyon.platform.production;

/** A device the platform cannot use, with one line naming the device and what is wrong. */
final class DeviceRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    DeviceRefusedException(String device, String what) {
        super("device " + device + ": " + what);
    }
}
