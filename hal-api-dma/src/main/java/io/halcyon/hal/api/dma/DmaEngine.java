package io.halcyon.hal.api.dma;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/**
 * The DMA engine of one chip instance, generation 2's programming model. Each channel has a ring of
 * {@link #RING_ENTRIES} descriptors; software writes descriptors at TAIL ({@link #post}) and then rings the
 * channel's doorbell with how many it wrote ({@link #ringDoorbell}); hardware adds that count to TAIL and
 * moves HEAD as it works. Nothing is cached: ring positions are read from the hardware on every call.
 */
@ProviderType
public interface DmaEngine {

    /** Descriptors per channel ring (one slot always stays empty to tell full from empty). */
    int RING_ENTRIES = 16;

    /** Number of channels (eight on generation 2). */
    @View(Stability.CONFIGURED)
    int channels();

    /** Lets the channels run (global enable). */
    void enable();

    /**
     * Writes as many of {@code descriptors} as the ring has free slots at TAIL, without ringing the doorbell:
     * hardware does not see them until {@link #ringDoorbell} counts them.
     *
     * @return how many were written (0 when the ring is full)
     * @throws IllegalStateException if the channel is stopped on an error
     */
    int post(int channel, List<DmaDescriptor> descriptors);

    /**
     * Hands the {@code count} descriptors written at TAIL to hardware. A count beyond the free slots stops the
     * channel with error code 5 (ring overflow).
     */
    void ringDoorbell(int channel, int count);

    /**
     * Posts descriptors and rings the doorbell for each batch, waiting (in device time, at most {@code bound})
     * for ring space when the ring is full.
     *
     * @throws IllegalStateException if the channel is stopped on an error
     */
    void submit(int channel, List<DmaDescriptor> descriptors, Duration bound);

    /**
     * Waits until the channel has processed every descriptor handed to it, for at most {@code bound}.
     *
     * @throws IllegalStateException if the channel stopped on an error (message names the descriptor and code)
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException if the bound passed first
     */
    void awaitIdle(int channel, Duration bound);

    /** Reads a channel's state. */
    DmaChannelStatus status(int channel);

    /** Total bytes moved since reset (a 64-bit hardware counter). */
    @View(Stability.COUNTING)
    long bytesMoved();
}
