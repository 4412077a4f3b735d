package io.halcyon.hal.api.hostmem;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Allocates host memory that chip instance {@code halcyon.chip} can read and write by DMA.
 * Registered by the platform next to the chip's bus.
 */
@ProviderType
public interface HostMemory {

    /**
     * Allocates a zeroed buffer of {@code bytes} (rounded up to 4 KiB).
     *
     * @throws IllegalArgumentException if {@code bytes} is not positive
     * @throws IllegalStateException if the platform's DMA-able memory is exhausted
     */
    HostBuffer allocate(int bytes);
}
