package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import org.junit.Test;

import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.platform.emulation.model.HostAddressSpace;

/** Descriptor rings, copies host <-> HBM and within HBM, timing, interrupts and error codes. */
public class DmaModelTest {

    private static final int DONE = 1;
    private static final int ERROR = 2;

    private final ChipFixture f = new ChipFixture();
    private final HostMemory hostMemory = new EmulatedHostMemory(f.chip.hostMemory());

    private void descriptor(int ch, int index, long source, long destination, long lengthAndFlags) {
        f.dmaDescriptor(ch, index, source, destination, lengthAndFlags);
    }

    private static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    public void hostToHbmToHostRoundTripOfAFewKibibytes() {
        f.ready();
        int length = 6 * 1024;
        HostBuffer in = hostMemory.allocate(length);
        HostBuffer out = hostMemory.allocate(length);
        in.contents().put(pattern(length, 7));
        descriptor(1, 0, in.busAddress(), 0x10_0000, length | SRC_HOST);
        descriptor(1, 1, 0x10_0000, 0x20_0000, length);
        descriptor(1, 2, 0x20_0000, out.busAddress(), length | DST_HOST | IRQ);
        f.bus.write32(channel(1) + 0x0C, DONE);
        f.bus.write32(INTC + 0x04, IRQ_DMA);
        long start = f.bus.deviceTimeNanos();
        f.bus.write32(channel(1) + 0x04, 3);
        met(f.bus.await(channel(1) + 0x08, DONE, DONE, MS));
        long perDescriptor = length / 16 + 100;
        // The doorbell write and the read that sees DONE cost one bus access each.
        assertEquals(10 + 3 * perDescriptor + 10, f.bus.deviceTimeNanos() - start);
        assertEquals(3, f.bus.read32(channel(1)));
        assertEquals(3L * length, f.bus.read64(BYTES_MOVED));
        byte[] back = new byte[length];
        out.contents().get(back);
        assertArrayEquals(pattern(length, 7), back);
        assertEquals(IRQ_DMA, f.bus.read32(ACTIVE) & IRQ_DMA);
        f.bus.write32(channel(1) + 0x08, DONE);
        assertEquals("W1C", 0, f.bus.read32(channel(1) + 0x08));
    }

    @Test
    public void theRingWrapsAndADoorbellWhileWorkingIsPickedUp() {
        f.ready();
        HostBuffer in = hostMemory.allocate(4096);
        for (int i = 0; i < 16; i++) {
            descriptor(0, i, in.busAddress(), 64L * i, 64 | SRC_HOST);
        }
        f.bus.write32(channel(0) + 0x04, 15);
        f.bus.write32(channel(0) + 0x04, 15); // a second ring of the same tail changes nothing
        met(f.bus.await(channel(0), 0xF, 15, MS));
        f.bus.write32(channel(0) + 0x04, 2); // wraps: descriptors 15, 0, 1
        met(f.bus.await(channel(0), 0xF, 2, MS));
        assertEquals(18L * 64, f.bus.read64(BYTES_MOVED));
    }

    @Test
    public void errorsStopTheChannelAtHeadWithTheirCode() {
        f.blocksRunning().pllsLocked();
        HostBuffer buffer = hostMemory.allocate(4096);
        f.bus.write32(channel(2) + 0x0C, ERROR);
        descriptor(2, 0, buffer.busAddress(), 0, 64 | SRC_HOST);
        f.bus.write32(channel(2) + 0x04, 1);
        assertEquals("DMA disabled", 4, f.bus.read32(channel(2) + 0x10));
        assertEquals(ERROR, f.bus.read32(channel(2) + 0x08));
        assertEquals(IRQ_DMA, f.bus.read32(PENDING) & IRQ_DMA);

        f.bus.write32(DMA_CTRL, 1);
        f.bus.write32(channel(2) + 0x04, 1);
        assertEquals("HBM not ready", 3, f.bus.read32(channel(2) + 0x10));

        f.hbmTrained();
        descriptor(2, 0, buffer.busAddress(), 0, 62 | SRC_HOST);
        f.bus.write32(channel(2) + 0x04, 1);
        assertEquals("length not a multiple of 4", 2, f.bus.read32(channel(2) + 0x10));

        descriptor(2, 0, buffer.busAddress() + 4090, 0, 64 | SRC_HOST);
        f.bus.write32(channel(2) + 0x04, 1);
        assertEquals("past the end of the host buffer", 1, f.bus.read32(channel(2) + 0x10));

        descriptor(2, 0, buffer.busAddress(), (256L << 20) - 32, 64 | SRC_HOST);
        f.bus.write32(channel(2) + 0x04, 1);
        assertEquals("past the end of HBM", 1, f.bus.read32(channel(2) + 0x10));
        assertEquals("stopped at HEAD", 0, f.bus.read32(channel(2)));

        descriptor(2, 0, buffer.busAddress(), 0, 64 | SRC_HOST);
        descriptor(2, 1, HostAddressSpace.FIRST_BUS_ADDRESS - 4096, 0, 64 | SRC_HOST);
        f.bus.write32(channel(2) + 0x04, 2);
        met(f.bus.await(channel(2), 0xF, 1, MS));
        assertEquals("no live buffer there", 1 | 1 << 8, f.bus.read32(channel(2) + 0x10));
    }

    @Test
    public void aBufferClosedDuringTheCopyFailsIt() {
        f.ready();
        HostBuffer buffer = hostMemory.allocate(64 * 1024);
        descriptor(3, 0, buffer.busAddress(), 0, 64 * 1024 | SRC_HOST);
        f.bus.write32(channel(3) + 0x04, 1);
        buffer.close();
        f.chip.clock().advance(10_000);
        assertEquals(1, f.bus.read32(channel(3) + 0x10));
        assertEquals(0, f.bus.read64(BYTES_MOVED));
    }

    @Test
    public void hostBuffersAreAlignedNeverReusedAndZeroed() {
        HostBuffer a = hostMemory.allocate(100);
        assertEquals(HostAddressSpace.FIRST_BUS_ADDRESS, a.busAddress());
        assertEquals(4096, a.size());
        ByteBuffer view = a.contents();
        assertEquals(0, view.position());
        assertEquals(4096, view.limit());
        assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, view.order());
        assertTrue(view.isDirect());
        a.close();
        HostBuffer b = hostMemory.allocate(100);
        assertNotEquals(a.busAddress(), b.busAddress());
        assertEquals(0, b.busAddress() % 4096);
        assertEquals(0, b.contents().getLong(0));
        assertThrows(IllegalStateException.class, a::contents);
        assertThrows(IllegalArgumentException.class, () -> hostMemory.allocate(0));
    }
}
