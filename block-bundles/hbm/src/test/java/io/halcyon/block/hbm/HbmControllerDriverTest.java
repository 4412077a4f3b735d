package io.halcyon.block.hbm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.hbm.regs.Ctrl;
import io.halcyon.block.hbm.regs.CtrlRegister;
import io.halcyon.block.hbm.regs.EccCorrectedRegister;
import io.halcyon.block.hbm.regs.EccUncorrectedRegister;
import io.halcyon.block.hbm.regs.HbmConfig;
import io.halcyon.block.hbm.regs.HbmMap;
import io.halcyon.block.hbm.regs.SizeRegister;
import io.halcyon.block.hbm.regs.Status;
import io.halcyon.block.hbm.regs.StatusRegister;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.hbm.EccCounts;
import io.halcyon.hal.api.hbm.HbmState;

public class HbmControllerDriverTest {

    private static final long BASE = 0x3_0000;
    private static final long STATUS = BASE + StatusRegister.OFFSET;
    private static final Duration BOUND = Duration.ofNanos(1_000_000);
    private final ExpectingBus bus = new ExpectingBus(BASE, HbmMap.REGISTERS);
    private final HbmControllerDriver driver = new HbmControllerDriver(bus, Configs.instance(HbmConfig.class, "hbm", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    @Test
    public void stateReadsOnlyStatus() {
        bus.expectRead32(STATUS, 0).expectRead32(STATUS, Status.TRAINING_MASK | Status.FAILED_MASK)
                .expectRead32(STATUS, Status.READY_MASK).expectRead32(STATUS, Status.FAILED_MASK);
        assertEquals(HbmState.UNTRAINED, driver.state());
        assertEquals(HbmState.TRAINING, driver.state());
        assertEquals(HbmState.READY, driver.state());
        assertEquals(HbmState.FAILED, driver.state());
    }

    @Test
    public void startTrainingWritesInit() {
        bus.expectWrite32(BASE + CtrlRegister.OFFSET, Ctrl.INIT_MASK);
        driver.startTraining();
    }

    @Test
    public void awaitReadyWaitsForTrainingToDropThenFindsReady() {
        bus.expectAwait(STATUS, Status.TRAINING_MASK, 0, Status.READY_MASK, BOUND);
        driver.awaitReady(BOUND);
    }

    @Test
    public void failedTrainingNamesStatusAndTheValue() {
        bus.expectAwait(STATUS, Status.TRAINING_MASK, 0, Status.FAILED_MASK, BOUND);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.awaitReady(BOUND));
        assertEquals("hbm.STATUS=0x00000004: HBM training failed (FAILED=1); initialise again", e.getMessage());
    }

    @Test
    public void awaitingWithoutTrainingIsAnErrorNotASilentSuccess() {
        bus.expectAwait(STATUS, Status.TRAINING_MASK, 0, 0, BOUND);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.awaitReady(BOUND));
        assertTrue(e.getMessage(), e.getMessage().startsWith("hbm.STATUS=0x00000000: HBM is neither trained nor training"));
    }

    @Test
    public void trainingThatNeverEndsIsAWaitTimeoutOnStatus() {
        bus.expectAwait(STATUS, Status.TRAINING_MASK, 0, Status.TRAINING_MASK, BOUND);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> driver.awaitReady(BOUND));
        assertEquals("hbm.STATUS", e.register());
        assertEquals(Status.TRAINING_MASK, e.result().lastValue());
    }

    @Test
    public void sizeIsMebibytesFromSize() {
        bus.expectRead32(BASE + SizeRegister.OFFSET, 256).expectRead32(BASE + SizeRegister.OFFSET, 0xFFFF_FFFF);
        assertEquals(256L << 20, driver.sizeBytes());
        assertEquals(0xFFFF_FFFFL << 20, driver.sizeBytes());
    }

    @Test
    public void eccCountersAreReadOnceEachInOneBatch() {
        bus.expectBatchRead32(new long[] {BASE + EccCorrectedRegister.OFFSET, BASE + EccUncorrectedRegister.OFFSET}, 7, 0x8000_0000);
        assertEquals(new EccCounts(7, 0x8000_0000L), driver.readAndClearEccCounters());
    }

    @Test
    public void theEccCountersAreTheOnlyRegistersWithReadSideEffects() {
        assertEquals(java.util.List.of("ECC_CORRECTED", "ECC_UNCORRECTED"),
                HbmMap.REGISTERS.stream().filter(r -> r.readHasSideEffects()).map(r -> r.name()).toList());
    }
}
