package io.halcyon.hal.api.bringup;

/**
 * One step of a bring-up as it happened.
 *
 * @param name the step, e.g. {@code pll-lock}
 * @param alreadyDone the chip was found in this step's end state and the step changed nothing
 * @param deviceNanos device time the step took
 * @param wallMillis wall-clock time the step took
 * @param detail what the step saw, e.g. {@code link up gen 4 x16}
 */
public record BringUpStep(String name, boolean alreadyDone, long deviceNanos, double wallMillis, String detail) {}
