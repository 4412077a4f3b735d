package io.halcyon.hal.api.dma;

/** Where a DMA address points. */
public enum MemorySpace {
    /** Host memory, by the bus address of a {@link io.halcyon.hal.api.hostmem.HostBuffer}. */
    HOST,
    /** The chip's HBM, by byte offset from 0. */
    DEVICE
}
