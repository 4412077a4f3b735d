package io.halcyon.hal.api.bus;

/**
 * The hardware did not reach a register condition within its device-time bound. Thrown by drivers
 * (not by the bus, whose {@code await} returns a {@link WaitResult}) so that callers such as bring-up
 * can report which register, which condition and the value last seen.
 */
public class WaitTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String register;
    private final WaitResult result;

    /**
     * @param register the register by name, e.g. {@code clkrst.CORE_PLL_STATUS}
     * @param condition what was awaited, e.g. {@code LOCKED == 1}
     * @param result the outcome of the wait that did not meet the condition
     */
    public WaitTimeoutException(String register, String condition, WaitResult result) {
        super(String.format("%s: %s not reached within %d ns of device time (last value 0x%08x at 0x%08x)",
                register, condition, result.deviceNanos(), result.lastValue(), result.address()));
        this.register = register;
        this.result = result;
    }

    /** The register by name, e.g. {@code clkrst.CORE_PLL_STATUS}. */
    public String register() {
        return register;
    }

    /** The last value seen, the address and the device time waited. */
    public WaitResult result() {
        return result;
    }
}
