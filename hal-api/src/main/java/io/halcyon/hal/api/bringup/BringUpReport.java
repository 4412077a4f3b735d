package io.halcyon.hal.api.bringup;

import java.util.List;

/**
 * The timeline of a bring-up.
 *
 * @param steps the steps in order
 * @param attachedToRunningChip the chip was already up: nothing was reset or retrained
 */
public record BringUpReport(List<BringUpStep> steps, boolean attachedToRunningChip) {}
