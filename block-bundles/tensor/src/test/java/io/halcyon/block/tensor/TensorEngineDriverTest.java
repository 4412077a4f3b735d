package io.halcyon.block.tensor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.tensor.regs.CmdDims;
import io.halcyon.block.tensor.regs.CmdDimsRegister;
import io.halcyon.block.tensor.regs.CmdKRegister;
import io.halcyon.block.tensor.regs.CmdOp;
import io.halcyon.block.tensor.regs.CmdOpRegister;
import io.halcyon.block.tensor.regs.CmdScalarRegister;
import io.halcyon.block.tensor.regs.CyclesRegister;
import io.halcyon.block.tensor.regs.DoneCountRegister;
import io.halcyon.block.tensor.regs.ErrCodeRegister;
import io.halcyon.block.tensor.regs.Features;
import io.halcyon.block.tensor.regs.FeaturesRegister;
import io.halcyon.block.tensor.regs.IntStatus;
import io.halcyon.block.tensor.regs.IntStatusRegister;
import io.halcyon.block.tensor.regs.OpcodeE;
import io.halcyon.block.tensor.regs.QueueStatus;
import io.halcyon.block.tensor.regs.QueueStatusRegister;
import io.halcyon.block.tensor.regs.Submit;
import io.halcyon.block.tensor.regs.SubmitRegister;
import io.halcyon.block.tensor.regs.Tensor;
import io.halcyon.block.tensor.regs.TensorConfig;
import io.halcyon.block.tensor.regs.TensorMap;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.tensor.Opcode;
import io.halcyon.hal.api.tensor.TensorCommand;
import io.halcyon.hal.api.tensor.TensorEngineStatus;

public class TensorEngineDriverTest {

    private static final long BASE = 0x6_0000;
    private static final long DONE = BASE + DoneCountRegister.OFFSET;
    private static final long QUEUE = BASE + QueueStatusRegister.OFFSET;
    private static final long INT_STATUS = BASE + IntStatusRegister.OFFSET;
    private static final long ERR_CODE = BASE + ErrCodeRegister.OFFSET;
    private static final long[] SNAPSHOT = {DONE, QUEUE, INT_STATUS, ERR_CODE, DONE};
    private static final Duration BOUND = Duration.ofNanos(5_000_000);
    private static final TensorCommand MATMUL = TensorCommand.matmul(0x1000, true, 0x2000, false, 0x3000, 8, 16, 32);
    private static final TensorCommand SCALE = TensorCommand.scale(0.5f, 0x3000, 0x3000, 8, 16);

    /** Where the registers are: CMD_A/B/C share their classes (addr_r), so their addresses come from the block accessor. */
    private static final Tensor REGS = new Tensor(new ExpectingBus(BASE, TensorMap.REGISTERS), BASE);
    private final ExpectingBus bus = new ExpectingBus(BASE, TensorMap.REGISTERS);
    private final TensorEngineDriver driver = new TensorEngineDriver(bus, Configs.instance(TensorConfig.class, "tensor", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    private void expectStaged(int op, long a, long b, long c, int m, int n, int k, int scalar) {
        bus.expectPost32(BASE + CmdOpRegister.OFFSET, op).expectPost64(REGS.cmdA().address(), a)
                .expectPost64(REGS.cmdB().address(), b).expectPost64(REGS.cmdC().address(), c)
                .expectPost32(BASE + CmdDimsRegister.OFFSET, m | n << CmdDims.N_SHIFT).expectPost32(BASE + CmdKRegister.OFFSET, k)
                .expectPost32(BASE + CmdScalarRegister.OFFSET, scalar).expectFlush()
                .expectWrite32(BASE + SubmitRegister.OFFSET, Submit.GO_MASK);
    }

    private void expectMatmulAndScale() {
        expectStaged((int) OpcodeE.MATMUL.value() | CmdOp.TRANS_A_MASK, 0x1000, 0x2000, 0x3000, 8, 16, 32, 0);
        expectStaged((int) OpcodeE.SCALE.value(), 0x3000, 0, 0x3000, 8, 16, 0, Float.floatToRawIntBits(0.5f));
    }

    @Test
    public void aBf16MatmulIsStagedWhereTheEngineHasTheFeature() {
        bus.expectRead32(BASE + FeaturesRegister.OFFSET, Features.BF16_MATMUL_MASK);
        bus.expectBatchRead32(SNAPSHOT, 7, 0, 0, 0, 7);
        expectStaged((int) OpcodeE.MATMUL_BF16.value(), 0x1000, 0x2000, 0x3000, 4, 4, 4, 0);
        assertEquals(8, driver.submit(List.of(TensorCommand.matmulBf16(0x1000, false, 0x2000, false, 0x3000, 4, 4, 4)), BOUND));
    }

    @Test
    public void aBf16MatmulIsRefusedBeforeAnythingIsStagedWhereTheEngineLacksIt() {
        bus.expectRead32(BASE + FeaturesRegister.OFFSET, 0);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> driver.submit(
                List.of(SCALE, TensorCommand.matmulBf16(0x1000, false, 0x2000, false, 0x3000, 4, 4, 4)), BOUND));
        assertEquals("tensor: command 1 is MATMUL_BF16, which this engine lacks (tensor.FEATURES.BF16_MATMUL reads 0)",
                e.getMessage());
    }

    @Test
    public void submitStagesEachCommandAndTicketsFromDoneDepthAndBusy() {
        bus.expectBatchRead32(SNAPSHOT, 100, 3 | QueueStatus.BUSY_MASK, 0, 0, 100);
        expectMatmulAndScale();
        assertEquals(100 + 3 + 1 + 2, driver.submit(List.of(MATMUL, SCALE), BOUND));
    }

    @Test
    public void aCommandFinishingDuringTheSnapshotReadsItAgain() {
        bus.expectBatchRead32(SNAPSHOT, 100, 0, 0, 0, 101).expectBatchRead32(SNAPSHOT, 101, 0, 0, 0, 101);
        expectMatmulAndScale();
        assertEquals(103, driver.submit(List.of(MATMUL, SCALE), BOUND));
    }

    @Test
    public void ticketsWrapAt32Bits() {
        bus.expectBatchRead32(SNAPSHOT, 0xFFFF_FFFF, 0, 0, 0, 0xFFFF_FFFF);
        expectMatmulAndScale();
        assertEquals(1, driver.submit(List.of(MATMUL, SCALE), BOUND));
    }

    @Test
    public void aFullQueueIsWaitedForInDeviceTime() {
        bus.expectBatchRead32(SNAPSHOT, 7, 15, 0, 0, 7);
        expectStaged((int) OpcodeE.MATMUL.value() | CmdOp.TRANS_A_MASK, 0x1000, 0x2000, 0x3000, 8, 16, 32, 0);
        bus.expectAwait(QUEUE, QueueStatus.FULL_MASK, 0, 15 | QueueStatus.BUSY_MASK, BOUND);
        expectStaged((int) OpcodeE.SCALE.value(), 0x3000, 0, 0x3000, 8, 16, 0, Float.floatToRawIntBits(0.5f));
        assertEquals(7 + 15 + 2, driver.submit(List.of(MATMUL, SCALE), BOUND));
    }

    @Test
    public void queueThatStaysFullIsAWaitTimeoutOnQueueStatus() {
        bus.expectBatchRead32(SNAPSHOT, 7, 16 | QueueStatus.FULL_MASK, 0, 0, 7)
                .expectAwait(QUEUE, QueueStatus.FULL_MASK, 0, 16 | QueueStatus.FULL_MASK, BOUND)
                .expectBatchRead32(SNAPSHOT, 7, 16 | QueueStatus.FULL_MASK, 0, 0, 7);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> driver.submit(List.of(MATMUL), BOUND));
        assertEquals("tensor.QUEUE_STATUS", e.register());
    }

    @Test
    public void submitFailsOnAReportedErrorBeforeStaging() {
        bus.expectBatchRead32(SNAPSHOT, 7, 0, IntStatus.ERROR_MASK, 2, 7);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.submit(List.of(MATMUL), BOUND));
        assertEquals("tensor engine reports an error: tensor.ERR_CODE=2 (address out of range)", e.getMessage());
    }

    @Test
    public void misalignedAddressesAreRefusedBeforeAnyAccess() {
        TensorCommand bad = TensorCommand.binary(Opcode.ADD, 0x1000, 0x2002, 0x3000, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.submit(List.of(MATMUL, bad), BOUND));
        assertEquals("tensor.CMD_B.ADDR: address 0x2002 of command 1 (ADD) is not a 4-byte aligned HBM address", e.getMessage());
    }

    @Test
    public void awaitWaitsForDoneCountToEqualTheTicketThenChecksErrors() {
        bus.expectBatchRead32(new long[] {DONE, INT_STATUS, ERR_CODE}, 100, 0, 0)
                .expectAwait(DONE, 0xFFFF_FFFF, 106, 106, BOUND)
                .expectBatchRead32(new long[] {INT_STATUS, ERR_CODE}, IntStatus.DONE_MASK, 0);
        driver.await(106, BOUND);
    }

    @Test
    public void aTicketAlreadyPassedNeedsNoWaitEvenAcrossTheWrap() {
        bus.expectBatchRead32(new long[] {DONE, INT_STATUS, ERR_CODE}, 3, 0, 0);
        driver.await(0xFFFF_FFFEL, BOUND);
    }

    @Test
    public void anErrorWhileWaitingNamesTheCode() {
        bus.expectBatchRead32(new long[] {DONE, INT_STATUS, ERR_CODE}, 100, 0, 0)
                .expectAwait(DONE, 0xFFFF_FFFF, 106, 101, BOUND)
                .expectBatchRead32(new long[] {INT_STATUS, ERR_CODE}, IntStatus.ERROR_MASK, 5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.await(106, BOUND));
        assertEquals("tensor engine reports an error: tensor.ERR_CODE=5 (bad dimensions)", e.getMessage());
    }

    @Test
    public void aTicketNotReachedInTimeIsAWaitTimeoutOnDoneCount() {
        bus.expectBatchRead32(new long[] {DONE, INT_STATUS, ERR_CODE}, 100, 0, 0)
                .expectAwait(DONE, 0xFFFF_FFFF, 106, 104, BOUND)
                .expectBatchRead32(new long[] {INT_STATUS, ERR_CODE}, 0, 0);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> driver.await(106, BOUND));
        assertEquals("tensor.DONE_COUNT", e.register());
        assertEquals(104, e.result().lastValue());
    }

    @Test
    public void ticketsBeyond32BitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> driver.await(1L << 32, BOUND));
        assertThrows(IllegalArgumentException.class, () -> driver.await(-1, BOUND));
    }

    @Test
    public void statusComesFromOneConsistentSnapshot() {
        bus.expectBatchRead32(SNAPSHOT, 0xFFFF_FFF0, 4 | QueueStatus.BUSY_MASK, IntStatus.ERROR_MASK, 3, 0xFFFF_FFF0);
        assertEquals(new TensorEngineStatus(4, true, 0xFFFF_FFF0L, true, 3), driver.status());
    }

    @Test
    public void busyCyclesIsTheSixtyFourBitCounter() {
        bus.expectRead64(BASE + CyclesRegister.OFFSET, 0x2_0000_0000L);
        assertEquals(0x2_0000_0000L, driver.busyCycles());
    }

    @Test
    public void everyApiOpcodeHasTheSameHardwareCode() {
        for (Opcode op : Opcode.values()) {
            OpcodeE hw = OpcodeE.fromValue(op.code());
            assertNotNull(op.name(), hw);
            assertEquals(op.name(), hw.name());
        }
    }

    @Test
    public void aCounterThatNeverHoldsStillIsReported() {
        for (int i = 0; i < TensorEngineDriver.SNAPSHOT_ATTEMPTS; i++) {
            bus.expectBatchRead32(SNAPSHOT, i, 0, 0, 0, i + 1);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, driver::status);
        assertTrue(e.getMessage(), e.getMessage().startsWith("tensor.DONE_COUNT changed within each of 8"));
    }
}
