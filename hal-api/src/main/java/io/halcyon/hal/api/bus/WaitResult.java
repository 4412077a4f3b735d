package io.halcyon.hal.api.bus;

/**
 * Outcome of {@link RegisterBus#await}.
 *
 * @param address the register that was polled
 * @param met whether the awaited condition held before the bound passed
 * @param lastValue the last value read from the register (the one that met the condition, or the
 *     last one seen before giving up): callers put it in their error messages
 * @param deviceNanos device time spent waiting, in nanoseconds
 */
public record WaitResult(long address, boolean met, int lastValue, long deviceNanos) {}
