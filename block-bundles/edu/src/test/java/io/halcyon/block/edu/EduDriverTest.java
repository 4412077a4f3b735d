package io.halcyon.block.edu;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.edu.regs.DmaCommandRegister;
import io.halcyon.block.edu.regs.DmaCountRegister;
import io.halcyon.block.edu.regs.DmaDestinationRegister;
import io.halcyon.block.edu.regs.DmaSourceRegister;
import io.halcyon.block.edu.regs.EduConfig;
import io.halcyon.block.edu.regs.EduMap;
import io.halcyon.block.edu.regs.FactorialRegister;
import io.halcyon.block.edu.regs.IntrAckRegister;
import io.halcyon.block.edu.regs.IntrStatusRegister;
import io.halcyon.block.edu.regs.LivenessRegister;
import io.halcyon.block.edu.regs.Status;
import io.halcyon.block.edu.regs.StatusRegister;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.edu.EduDevice;
import io.halcyon.hal.api.hostmem.HostBuffer;

/** The driver's exact accesses, by the generated register names (the device's own behaviour is the emulation's and QEMU's). */
public class EduDriverTest {

    private static final long BASE = 0;
    private static final Duration BOUND = Duration.ofSeconds(1);
    private final ExpectingBus bus = new ExpectingBus(BASE, EduMap.REGISTERS);
    private final EduDriver driver = new EduDriver(bus, Configs.instance(EduConfig.class, "edu", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    @Test
    public void livenessWritesTheProbeAndExpectsItInverted() {
        bus.expectWrite32(LivenessRegister.OFFSET, 0x1234_5678).expectRead32(LivenessRegister.OFFSET, ~0x1234_5678);
        assertTrue(driver.alive(0x1234_5678));
    }

    @Test
    public void factorialByPollingWaitsForComputingToFall() {
        bus.expectWrite32(StatusRegister.OFFSET, 0).expectWrite32(FactorialRegister.OFFSET, 10)
                .expectAwait(StatusRegister.OFFSET, (int) Status.COMPUTING_MASK, 0, 0, BOUND)
                .expectRead32(FactorialRegister.OFFSET, 3_628_800);
        assertEquals(3_628_800, driver.factorial(10, false, BOUND));
    }

    @Test
    public void dmaChecksItsArgumentsBeforeAnyWrite() {
        HostBuffer buffer = buffer(0x1000_0000L, 4096);
        assertThrows(IllegalArgumentException.class, () -> driver.copyToDevice(buffer, 0, 4000, 200, BOUND));
        assertThrows(IllegalArgumentException.class, () -> driver.copyFromDevice(0, buffer, 4000, 200, BOUND));
        assertThrows(IllegalArgumentException.class, () -> driver.copyToDevice(buffer, 0, 0, 0, BOUND));
    }

    @Test
    public void dmaToHostProgramsTheEngineAndWaitsForItsInterrupt() {
        bus.expectWrite32(IntrAckRegister.OFFSET, EduDevice.DMA_DONE)
                .expectWrite64(DmaSourceRegister.OFFSET, EduDriver.DEVICE_BUFFER + 16)
                .expectWrite64(DmaDestinationRegister.OFFSET, 0x1000_0000L + 32)
                .expectWrite64(DmaCountRegister.OFFSET, 100)
                .expectWrite64(DmaCommandRegister.OFFSET, 0b111)
                .expectFlush().expectRead32(IntrStatusRegister.OFFSET, EduDevice.DMA_DONE)
                .expectRead32(IntrStatusRegister.OFFSET, EduDevice.DMA_DONE)
                .expectWrite32(IntrAckRegister.OFFSET, EduDevice.DMA_DONE);
        driver.copyFromDevice(16, buffer(0x1000_0000L, 4096), 32, 100, BOUND);
    }

    private static HostBuffer buffer(long busAddress, int size) {
        return new HostBuffer() {
            @Override
            public long busAddress() {
                return busAddress;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public ByteBuffer contents() {
                return ByteBuffer.allocateDirect(size);
            }

            @Override
            public void close() {
            }
        };
    }
}
