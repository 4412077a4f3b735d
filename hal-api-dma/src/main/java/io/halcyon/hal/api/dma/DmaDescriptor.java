package io.halcyon.hal.api.dma;

/**
 * One copy of {@code length} bytes (a multiple of 4), up to the engine's 64-bit length word.
 *
 * @param sourceSpace where {@code source} points
 * @param source source address
 * @param destinationSpace where {@code destination} points
 * @param destination destination address
 * @param length bytes to copy, a positive multiple of 4 (64 bits: more than 1.x's {@code int})
 * @param interrupt raise the channel's DONE interrupt when this descriptor completes
 */
public record DmaDescriptor(MemorySpace sourceSpace, long source, MemorySpace destinationSpace, long destination,
        long length, boolean interrupt) {

    public DmaDescriptor {
        if (sourceSpace == null || destinationSpace == null) {
            throw new IllegalArgumentException("DMA memory spaces must be given");
        }
        if (length <= 0 || length % 4 != 0) {
            throw new IllegalArgumentException("DMA length must be a positive multiple of 4, was " + length);
        }
    }

    /** Host memory to HBM. */
    public static DmaDescriptor toDevice(long hostAddress, long deviceAddress, long length) {
        return new DmaDescriptor(MemorySpace.HOST, hostAddress, MemorySpace.DEVICE, deviceAddress, length, false);
    }

    /** HBM to host memory. */
    public static DmaDescriptor toHost(long deviceAddress, long hostAddress, long length) {
        return new DmaDescriptor(MemorySpace.DEVICE, deviceAddress, MemorySpace.HOST, hostAddress, length, false);
    }

    /** Within HBM. */
    public static DmaDescriptor withinDevice(long from, long to, long length) {
        return new DmaDescriptor(MemorySpace.DEVICE, from, MemorySpace.DEVICE, to, length, false);
    }
}
