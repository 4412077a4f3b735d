package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.RegisterBus;

/** Bus failures reach callers as typed exceptions that say where and what, across bundle boundaries. */
@RunWith(PaxExam.class)
public class BusErrorTest extends HalcyonTestSupport {

    /** Nothing is mapped here on the reference chip (sysctrl is its only block, at 0x0..0xFFF). */
    private static final long UNMAPPED = 0x10_0000L;

    @Test
    public void readOfUnmappedAddressIsADecodeErrorNamingTheAddress() {
        RegisterBus bus = service(RegisterBus.class, CHIP_0);

        DecodeErrorException e = assertThrows(DecodeErrorException.class, () -> bus.read32(UNMAPPED));

        assertEquals("address", UNMAPPED, e.address());
        assertEquals("operation", "read32", e.operation());
        assertTrue("message names the address: " + e.getMessage(), e.getMessage().contains("0x00100000"));
    }

    @Test
    public void busStillWorksAfterADecodeError() {
        RegisterBus bus = service(RegisterBus.class, CHIP_0);
        assertThrows(DecodeErrorException.class, () -> bus.read32(UNMAPPED));
        // The error must not be held and re-thrown by the next, valid access.
        assertEquals(0x484C4359, bus.read32(0x0));
    }
}
