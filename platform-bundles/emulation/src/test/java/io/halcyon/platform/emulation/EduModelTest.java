package io.halcyon.platform.emulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.Test;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.model.HostAddressSpace;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;

/** The emulated edu behaves as QEMU's documentation says, so its driver and register tests run on it as on QEMU. */
public class EduModelTest {

    private static final long ID = 0x00;
    private static final long LIVENESS = 0x04;
    private static final long FACTORIAL = 0x08;
    private static final long STATUS = 0x20;
    private static final long INTR_STATUS = 0x24;
    private static final long INTR_RAISE = 0x60;
    private static final long INTR_ACK = 0x64;
    private static final long DMA_SOURCE = 0x80;
    private static final long DMA_DESTINATION = 0x88;
    private static final long DMA_COUNT = 0x90;
    private static final long DMA_COMMAND = 0x98;
    private static final Duration BOUND = Duration.ofMillis(1);

    private final EmulatedChip chip = EmulatedChip.of(ClassPathChipMaps.named("qemu_edu"));
    private final RegisterBus bus = new EmulationBus(chip);

    @Test
    public void identifiesAndInvertsLiveness() {
        assertEquals(0x0100_00ED, bus.read32(ID));
        assertEquals(-1, bus.read32(LIVENESS));
        bus.write32(LIVENESS, 0x1234_5678);
        assertEquals(~0x1234_5678, bus.read32(LIVENESS));
    }

    @Test
    public void factorialComputesWhileBusyAndRaisesItsInterruptWhenAsked() {
        bus.write32(STATUS, 0x80);
        bus.write32(FACTORIAL, 5);
        assertEquals("computing", 0x81, bus.read32(STATUS));
        bus.write32(FACTORIAL, 7); // ignored while computing
        assertTrue(bus.await(STATUS, 1, 0, BOUND).met());
        assertEquals(120, bus.read32(FACTORIAL));
        assertEquals(1, bus.read32(INTR_STATUS));
        bus.write32(INTR_ACK, 1);
        assertEquals(0, bus.read32(INTR_STATUS));
    }

    @Test
    public void raiseOrsAndAcknowledgeClears() {
        bus.write32(INTR_RAISE, 0x10);
        bus.write32(INTR_RAISE, 0x300);
        assertEquals(0x310, bus.read32(INTR_STATUS));
        bus.write32(INTR_ACK, 0x110);
        assertEquals(0x200, bus.read32(INTR_STATUS));
    }

    @Test
    public void dmaCopiesThroughTheDeviceBufferAndRaisesItsInterrupt() {
        HostAddressSpace.Mapping from = chip.hostMemory().allocate(4096);
        HostAddressSpace.Mapping to = chip.hostMemory().allocate(4096);
        ByteBuffer source = from.buffer();
        for (int i = 0; i < 64; i++) {
            source.put(i, (byte) (i + 1));
        }
        transfer(from.busAddress(), 0x40000 + 100, 64, 0b101);
        transfer(0x40000 + 100, to.busAddress() + 8, 64, 0b111);
        assertEquals(source.slice(0, 64), to.buffer().slice(8, 64));
    }

    private void transfer(long source, long destination, int bytes, long command) {
        bus.write64(DMA_SOURCE, source);
        bus.write64(DMA_DESTINATION, destination);
        bus.write64(DMA_COUNT, bytes);
        bus.write64(DMA_COMMAND, command);
        assertTrue(bus.awaitNot(INTR_STATUS, 0x100, 0, BOUND).met());
        assertEquals("START falls when done", command & ~1L, bus.read64(DMA_COMMAND));
        bus.write32(INTR_ACK, 0x100);
    }
}
