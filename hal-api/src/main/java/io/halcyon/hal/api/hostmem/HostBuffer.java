package io.halcyon.hal.api.hostmem;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/** A DMA-able host buffer. Close it when no transfer uses it any more. */
@ProviderType
public interface HostBuffer extends AutoCloseable {

    /** The address the chip's DMA engine uses for the first byte (descriptors carry this). */
    long busAddress();

    /** Size in bytes. */
    int size();

    /**
     * The contents as a little-endian direct buffer, position 0 and limit {@link #size()}. A new view
     * each call; the bytes are shared with the chip.
     */
    ByteBuffer contents();

    /** Gives the memory back; the bus address must no longer be used. */
    @Override
    void close();
}
