package io.halcyon.hal.api.dma;

/**
 * One copy of {@code length} bytes (a multiple of 4).
 *
 * @param sourceSpace where {@code source} points
 * @param source source address
 * @param destinationSpace where {@code destination} points
 * @param destination destination address
 * @param length bytes to copy, a positive multiple of 4
 * @param interrupt raise the channel's DONE interrupt when this descriptor completes
 */
public record DmaDescriptor(MemorySpace sourceSpace, long source, MemorySpace destinationSpace, long destination,
        int length, boolean interrupt) {

    public DmaDescriptor {
        if (length <= 0 || length % 4 != 0) {
            throw new IllegalArgumentException("DMA length must be a positive multiple of 4, was " + length);
        }
    }

    /** Host memory to HBM. */
    public static DmaDescriptor toDevice(long hostAddress, long deviceAddress, int length) {
        return new DmaDescriptor(MemorySpace.HOST, hostAddress, MemorySpace.DEVICE, deviceAddress, length, false);
    }

    /** HBM to host memory. */
    public static DmaDescriptor toHost(long deviceAddress, long hostAddress, int length) {
        return new DmaDescriptor(MemorySpace.DEVICE, deviceAddress, MemorySpace.HOST, hostAddress, length, false);
    }

    /** Within HBM. */
    public static DmaDescriptor withinDevice(long from, long to, int length) {
        return new DmaDescriptor(MemorySpace.DEVICE, from, MemorySpace.DEVICE, to, length, false);
    }
}
