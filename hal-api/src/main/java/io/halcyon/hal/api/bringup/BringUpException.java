package io.halcyon.hal.api.bringup;

/**
 * Bring-up stopped at a step. The message names the step and, through the cause (typically an
 * {@link io.halcyon.hal.api.bus.WaitTimeoutException}), the register and the value seen.
 */
public class BringUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String step;

    public BringUpException(String step, Throwable cause) {
        super("bring-up failed at step " + step + ": " + cause.getMessage(), cause);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
