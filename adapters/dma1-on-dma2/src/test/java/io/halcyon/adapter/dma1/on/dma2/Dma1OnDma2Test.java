package io.halcyon.adapter.dma1.on.dma2;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.Test;

import io.halcyon.adapter.dma2.port.Dma2Port;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.MemorySpace;

/** The 1.x engine's calls as the port sees them. */
public class Dma1OnDma2Test {

    /** Remembers the last submit; answers a fixed status. */
    static final class RecordingPort implements Dma2Port {
        long[] sources, destinations, lengths;
        int[] flags;
        int channel = -1;

        @Override public int channels() { return 8; }
        @Override public void enable() { }
        @Override public void submit(int channel, long[] sources, long[] destinations, long[] lengths, int[] flags, Duration bound) {
            this.channel = channel;
            this.sources = sources;
            this.destinations = destinations;
            this.lengths = lengths;
            this.flags = flags;
        }
        @Override public void awaitIdle(int channel, Duration bound) { }
        @Override public int[] status(int channel) { return new int[] {3, 7, 1, 0, 5}; }
        @Override public long bytesMoved() { return 1L << 40; }
    }

    @Test
    public void descriptorsReachThePortColumnWiseWithTheirSpacesAsFlags() {
        RecordingPort port = new RecordingPort();
        new Dma1OnDma2.Engine(port).submit(6, List.of(DmaDescriptor.toDevice(0x1000, 0x40, 256),
                new DmaDescriptor(MemorySpace.DEVICE, 0x80, MemorySpace.HOST, 0x2000, Integer.MAX_VALUE - 3, true)),
                Duration.ofMillis(1));
        assertEquals(6, port.channel);
        assertArrayEquals(new long[] {0x1000, 0x80}, port.sources);
        assertArrayEquals(new long[] {0x40, 0x2000}, port.destinations);
        assertArrayEquals(new long[] {256, Integer.MAX_VALUE - 3}, port.lengths);
        assertArrayEquals(new int[] {Dma2Port.SOURCE_HOST, Dma2Port.DESTINATION_HOST | Dma2Port.INTERRUPT}, port.flags);
    }

    @Test
    public void statusAndCountersPassThroughIncludingCodesOneDotXDoesNotList() {
        Dma1OnDma2.Engine engine = new Dma1OnDma2.Engine(new RecordingPort());
        assertEquals(new DmaChannelStatus(2, 3, 7, true, false, 5), engine.status(2));
        assertEquals(8, engine.channels());
        assertEquals(1L << 40, engine.bytesMoved());
    }
}
