package io.halcyon.adapter.dma2.port;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One 2.x DMA engine, in JDK types. Registered with the engine's service properties (chip, block, platform,
 * generation, ...) and {@link #ENGINE_SERVICE_ID}. Every call goes straight to the engine: nothing is cached.
 */
@ProviderType
public interface Dma2Port {

    /** Service property: the {@code service.id} of the 2.x DmaEngine the port forwards to. */
    String ENGINE_SERVICE_ID = "halcyon.adapter.engine.service.id";

    /** Descriptor flag: the source is host memory. */
    int SOURCE_HOST = 1;
    /** Descriptor flag: the destination is host memory. */
    int DESTINATION_HOST = 2;
    /** Descriptor flag: raise DONE when the descriptor completes. */
    int INTERRUPT = 4;

    int channels();

    void enable();

    /**
     * Submits descriptors {@code i} = 0.. given column-wise (arrays of one length), waiting at most {@code bound}
     * in device time for ring space.
     */
    void submit(int channel, long[] sources, long[] destinations, long[] lengths, int[] flags, Duration bound);

    void awaitIdle(int channel, Duration bound);

    /** {@code {head, tail, done (0/1), error (0/1), errorCode}}. */
    int[] status(int channel);

    long bytesMoved();
}
