package io.halcyon.hal.api.bus;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How many register accesses a platform has issued to one chip since it attached: what the HAL says it
 * did, to compare with what the device saw (a bus analyser, a simulator's or QEMU's trace). A read or
 * write counts once when the platform hands it to the device; a batched read counts each register.
 * Registered by platforms that keep it next to the chip's {@link RegisterBus}, with the same
 * {@code halcyon.chip} property.
 *
 * @since 1.2
 */
@ProviderType
public interface AccessLog {

    /** Register reads issued (32- and 64-bit, each one access). */
    long reads();

    /** Register writes issued, posted or not. */
    long writes();
}
