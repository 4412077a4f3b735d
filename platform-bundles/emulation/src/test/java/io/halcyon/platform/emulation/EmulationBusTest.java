package io.halcyon.platform.emulation;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.SlaveErrorException;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.model.SysctrlBehaviour;

public class EmulationBusTest {

    /** Reset values of sysctrl.rdl's identity registers. */
    private static final int CHIP_ID = 0x484C4359;
    private static final int VERSION = 0x0101;
    private static final int CAPABILITIES = 0x43F;

    private final EmulationBus bus = new EmulationBus(ChipFixture.reference());

    @Test
    public void identityRegistersReadTheirResetValues() {
        assertArrayEquals(new int[] {CHIP_ID, VERSION, CAPABILITIES},
                bus.read32(new long[] {0x0, 0x4, 0x8}));
    }

    @Test
    public void readOnlyRegistersIgnoreWrites() {
        bus.write32(0x0, 0x12345678);
        assertEquals(CHIP_ID, bus.read32(0x0));
    }

    @Test
    public void unmappedAddressIsADecodeErrorNamingIt() {
        DecodeErrorException e = assertThrows(DecodeErrorException.class, () -> bus.read32(0x10_0000));
        assertEquals(0x10_0000, e.address());
        assertEquals("decode error at 0x00100000 (read32)", e.getMessage());
        assertThrows(DecodeErrorException.class, () -> bus.write32(0x18, 1));
    }

    @Test
    public void misalignedAccessIsASlaveError() {
        assertThrows(SlaveErrorException.class, () -> bus.read32(0x2));
    }

    @Test
    public void postedWriteErrorSurfacesAtFlushNotBefore() {
        bus.post32(0x0C, 7);
        bus.post32(0x20_0000, 1); // nothing mapped there
        DecodeErrorException e = assertThrows(DecodeErrorException.class, bus::flush);
        assertEquals("post32", e.operation());
        bus.flush(); // reported once
        assertEquals(7, bus.read32(0x0C));
    }

    @Test
    public void softResetCompletesAfterModelTimeAndClearsScratch() {
        bus.write32(0x0C, 0xABCD);
        bus.write32(0x10, 1);
        assertEquals("RESET_DONE drops with the write", 0, bus.read32(0x14) & 1);
        long before = bus.deviceTimeNanos();
        WaitResult done = bus.await(0x14, 1, 1, Duration.ofMillis(1));
        assertTrue(done.met());
        assertTrue("waited for the model's reset time", bus.deviceTimeNanos() - before >= SysctrlBehaviour.RESET_NANOS - 20);
        assertEquals(0x0101, bus.read32(0x14));
        assertEquals(0, bus.read32(0x0C));
    }

    @Test
    public void awaitGivesUpAtTheBoundWithTheLastValue() {
        bus.write32(0x0C, 0x5);
        WaitResult r = bus.await(0x0C, 0xF, 0xA, Duration.ofNanos(500));
        assertFalse(r.met());
        assertEquals(0x5, r.lastValue());
        assertTrue(r.deviceNanos() >= 500);
    }

    @Test
    public void deviceTimeIsDeterministic() {
        EmulationBus other = new EmulationBus(ChipFixture.reference());
        for (EmulationBus b : new EmulationBus[] {bus, other}) {
            b.write32(0x0C, 1);
            b.write32(0x10, 1);
            b.await(0x14, 1, 1, Duration.ofMillis(1));
            b.read32(0x0C);
        }
        assertEquals(bus.deviceTimeNanos(), other.deviceTimeNanos());
    }
}
