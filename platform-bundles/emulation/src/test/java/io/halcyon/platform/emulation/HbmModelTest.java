package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import org.junit.Test;

import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.platform.emulation.model.DeviceMemory;
import io.halcyon.platform.emulation.model.HbmBehaviour;

/** HBM training, its failure fault, ECC counters and the sparse device memory. */
public class HbmModelTest {

    private static final int TRAINING = 1;
    private static final int READY = 2;
    private static final int FAILED = 4;

    private final ChipFixture f = new ChipFixture();

    @Test
    public void trainingTakesTwoHundredMicrosecondsThenReadyWithInterrupt() {
        f.blocksRunning().pllsLocked();
        f.bus.write32(PENDING, -1);
        f.bus.write32(HBM_CTRL, 1);
        long start = f.bus.deviceTimeNanos();
        assertEquals("TRAINING at once", TRAINING, f.bus.read32(HBM_STATUS));
        WaitResult r = met(f.bus.await(HBM_STATUS, 0x7, READY, MS));
        assertEquals(HbmBehaviour.TRAINING_NANOS + 10, f.bus.deviceTimeNanos() - start);
        assertTrue(r.deviceNanos() > 0);
        assertEquals(IRQ_HBM, f.bus.read32(PENDING));
        assertEquals(256, f.bus.read32(HBM_SIZE));
    }

    @Test
    public void trainingFailsWithTheFault() {
        f.chip.faults().hbmTrainingFails();
        f.blocksRunning().pllsLocked();
        f.bus.write32(HBM_CTRL, 1);
        WaitResult r = f.bus.await(HBM_STATUS, READY, READY, MS);
        assertFalse(r.met());
        assertEquals(FAILED, r.lastValue());
        f.chip.faults().clear();
        f.hbmTrained();
    }

    @Test
    public void trainingNeedsTheHbmPllLocked() {
        f.blocksRunning();
        f.bus.write32(HBM_CTRL, 1);
        assertEquals(0, f.bus.read32(HBM_STATUS));
    }

    @Test
    public void eccCountersStayZeroUntilErrorsAreInjectedAndClearOnRead() {
        f.blocksRunning().pllsLocked().hbmTrained();
        assertEquals(0, f.bus.read32(ECC_CORRECTED));
        f.chip.faults().eccErrors(3, 1);
        assertEquals(3, f.bus.read32(ECC_CORRECTED));
        assertEquals(1, f.bus.read32(ECC_UNCORRECTED));
        assertEquals("read clears", 0, f.bus.read32(ECC_CORRECTED));
    }

    @Test
    public void deviceMemoryIsSparseAndZeroWhereUntouched() {
        DeviceMemory m = f.chip.deviceMemory();
        assertEquals(256L << 20, m.size());
        assertEquals(0, m.pagesInUse());
        m.writeFloats(200L << 20, new float[] {1.5f, -2f});
        m.write(0, ByteBuffer.allocate(4096)); // zeros allocate nothing
        assertEquals(1, m.pagesInUse());
        assertEquals(-2f, m.readFloats((200L << 20) + 4, 1)[0], 0f);
        assertEquals(0f, m.readFloats(100L << 20, 1)[0], 0f);
        m.copy(200L << 20, (200L << 20) + 4, 8); // overlapping, forwards
        assertEquals(1.5f, m.readFloats((200L << 20) + 4, 1)[0], 0f);
        assertEquals(-2f, m.readFloats((200L << 20) + 8, 1)[0], 0f);
    }
}
