package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;

import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;

/**
 * The generation-2 DMA engine (type dma2, reference_gen2): eight channels, descriptors whose length is a
 * 64-bit word of its own with the flags in the next word, a doorbell that counts descriptors and moves
 * TAIL in hardware, BYTES_MOVED at 0x10.
 */
public class Gen2DmaModelTest {

    private static final long BYTES_MOVED_GEN2 = DMA + 0x10;
    private static final long SOURCE_HOST = 1;
    private static final long DESTINATION_HOST = 2;
    private static final long HEAD = 0x00;
    private static final long TAIL = 0x04;
    private static final long DOORBELL = 0x08;
    private static final long INT_STATUS = 0x0C;
    private static final long ERR_INFO = 0x14;

    private final ChipFixture f = new ChipFixture("reference_gen2");
    private final HostMemory hostMemory = new EmulatedHostMemory(f.chip.hostMemory());

    private void descriptor(int ch, int index, long source, long destination, long length, long flags) {
        long at = ring(ch) + 32L * index;
        f.bus.write64(at, source);
        f.bus.write64(at + 8, destination);
        f.bus.write64(at + 16, length);
        f.bus.write64(at + 24, flags);
    }

    @Test
    public void theEighthChannelCopiesWhatTheCountingDoorbellPosted() {
        f.ready();
        HostBuffer in = hostMemory.allocate(256);
        HostBuffer out = hostMemory.allocate(256);
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        in.contents().put(data);
        descriptor(7, 0, in.busAddress(), 0x1000, 256, SOURCE_HOST);
        descriptor(7, 1, 0x1000, out.busAddress(), 256, DESTINATION_HOST);
        f.bus.write32(channel(7) + TAIL, 9); // read-only on generation 2: no doorbell, TAIL unchanged
        assertEquals(0, f.bus.read32(channel(7) + TAIL));
        f.bus.write32(channel(7) + DOORBELL, 2);
        assertEquals("hardware moved TAIL by the count", 2, f.bus.read32(channel(7) + TAIL));
        met(f.bus.await(channel(7) + HEAD, 0xF, 2, MS));
        byte[] back = new byte[256];
        out.contents().get(back);
        assertArrayEquals(data, back);
        assertEquals("BYTES_MOVED moved to 0x10", 512L, f.bus.read64(BYTES_MOVED_GEN2));
    }

    @Test
    public void theLengthIsAWordOfItsOwnSoBit32IsLengthNotAFlag() {
        f.ready();
        HostBuffer in = hostMemory.allocate(64);
        // On generation 1, bit 32 of this word would say "source in host memory"; here it is 4 GiB more length.
        descriptor(0, 0, 0x0, 0x2000, (1L << 32) | 64, 0);
        f.bus.write32(channel(0) + DOORBELL, 1);
        met(f.bus.await(channel(0) + INT_STATUS, 2, 2, MS));
        assertEquals("ADDRESS_RANGE: 4 GiB + 64 bytes do not fit the HBM", 1, f.bus.read32(channel(0) + ERR_INFO) & 0xF);
        assertEquals(0L, f.bus.read64(BYTES_MOVED_GEN2));
        assertFalse(in.busAddress() == 0);
    }

    @Test
    public void aDoorbellBeyondTheFreeSlotsStopsTheChannelWithRingOverflow() {
        f.ready();
        f.bus.write32(channel(3) + DOORBELL, 16); // 15 slots free in a ring of 16
        assertEquals(2, f.bus.read32(channel(3) + INT_STATUS) & 2);
        assertEquals("RING_OVERFLOW", 5, f.bus.read32(channel(3) + ERR_INFO) & 0xF);
        assertEquals("TAIL unchanged", 0, f.bus.read32(channel(3) + TAIL));
    }
}
