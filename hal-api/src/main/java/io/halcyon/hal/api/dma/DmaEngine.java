package io.halcyon.hal.api.dma;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/**
 * The DMA engine of one chip instance. Each channel has a ring of {@link #RING_ENTRIES} descriptors
 * in device memory; the driver writes descriptors and the tail (doorbell), hardware moves the head.
 * Nothing is cached: ring positions are read from the hardware on every call, so a new driver
 * version carries on where the old one stopped.
 */
@ProviderType
public interface DmaEngine {

    /** Descriptors per channel ring (one slot always stays empty to tell full from empty). */
    int RING_ENTRIES = 16;

    /** Number of channels. */
    @View(Stability.CONFIGURED)
    int channels();

    /** Lets the channels run (global enable). */
    void enable();

    /**
     * Posts descriptors on a channel and rings its doorbell. Waits (in device time, at most
     * {@code bound}) for ring space when the ring is full.
     *
     * @throws IllegalStateException if the channel is stopped on an error
     */
    void submit(int channel, List<DmaDescriptor> descriptors, Duration bound);

    /**
     * Waits until the channel has processed every posted descriptor, for at most {@code bound}.
     *
     * @throws IllegalStateException if the channel stopped on an error (message names the descriptor and code)
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException if the bound passed first
     */
    void awaitIdle(int channel, Duration bound);

    /** Reads a channel's state. */
    DmaChannelStatus status(int channel);

    /** Total bytes moved since reset (a hardware counter). */
    @View(Stability.COUNTING)
    long bytesMoved();
}
