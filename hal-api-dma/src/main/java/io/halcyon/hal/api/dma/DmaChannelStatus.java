package io.halcyon.hal.api.dma;

/**
 * A channel as the hardware reports it.
 *
 * @param channel channel number
 * @param head next descriptor index hardware will process
 * @param tail one past the last descriptor a doorbell handed to hardware (hardware moves it)
 * @param done DONE interrupt pending
 * @param error ERROR interrupt pending; the channel stopped at {@code head}
 * @param errorCode hardware error code (0 none, 1 address out of range, 2 bad length, 3 HBM not ready,
 *        4 DMA disabled, 5 a doorbell counted more descriptors than the ring had free slots)
 */
public record DmaChannelStatus(int channel, int head, int tail, boolean done, boolean error, int errorCode) {

    /** True when every descriptor handed to hardware has been processed. */
    public boolean idle() {
        return head == tail;
    }
}
