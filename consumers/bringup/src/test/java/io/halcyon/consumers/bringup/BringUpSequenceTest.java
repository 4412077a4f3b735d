package io.halcyon.consumers.bringup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

import io.halcyon.hal.api.bringup.BringUpException;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.hal.api.pcie.LinkState;

public class BringUpSequenceTest {

    private static final List<String> STEPS = List.of("identify-chip", "fuses", "clocks-and-resets", "pll-lock", "pcie-link",
            "hbm-training", "dma-and-interrupts", "tensor-engine");

    private static BringUpReport bringUp(FakeChip chip) {
        return chip.services().sequence().run();
    }

    private static BringUpStep step(BringUpReport report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + report));
    }

    @Test
    public void powerOnChipGoesThroughEveryStepInOrder() {
        FakeChip chip = new FakeChip();
        chip.pending.add(InterruptSource.CLKRST); // latched while the chip came up

        BringUpReport report = bringUp(chip);

        assertEquals(STEPS, report.steps().stream().map(BringUpStep::name).collect(Collectors.toList()));
        assertEquals(List.of(
                "otp.lock",
                "clkrst.enableClocks [PCIE, HBM, DMA, INTC, TENSOR, TELEMETRY]",
                "clkrst.releaseResets [PCIE, HBM, DMA, INTC, TENSOR, TELEMETRY]",
                "clkrst.enablePll CORE x10",
                "clkrst.enablePll HBM x20",
                "pcie.train gen4",
                "hbm.startTraining",
                "dma.enable",
                "intc.acknowledge [CLKRST]",
                "intc.setEnabled [PCIE, HBM, DMA, TENSOR, TELEMETRY, CLKRST]"), chip.writes);
        assertFalse(report.attachedToRunningChip());
        for (String worked : STEPS.subList(1, 7)) {
            assertFalse(worked + " did work", step(report, worked).alreadyDone());
        }
    }

    @Test
    public void timelineCarriesDeviceTimeOfEachStep() {
        BringUpReport report = bringUp(new FakeChip());

        // Both PLLs are enabled before either is awaited: the step takes the HBM PLL's lock time, not the sum.
        assertEquals(FakeChip.HBM_LOCK_NANOS, step(report, "pll-lock").deviceNanos());
        assertEquals(FakeChip.LINK_TRAINING_NANOS, step(report, "pcie-link").deviceNanos());
        assertEquals(FakeChip.HBM_TRAINING_NANOS, step(report, "hbm-training").deviceNanos());
        assertEquals(0, step(report, "clocks-and-resets").deviceNanos());
        assertTrue(report.steps().stream().allMatch(s -> s.wallMillis() >= 0));
        assertEquals("link up gen 4 x16", step(report, "pcie-link").detail());
        assertEquals("HBM ready, 256 MiB", step(report, "hbm-training").detail());
        assertEquals("serial 0000123456789abc, product 0x4c31 bin 1, HBM rows repaired per stack 2/0, locked",
                step(report, "fuses").detail());
    }

    @Test
    public void secondBringUpSkipsEveryStepAndWritesNothing() {
        FakeChip chip = new FakeChip();
        bringUp(chip);
        chip.writes.clear();
        long before = chip.now;

        BringUpReport again = bringUp(chip);

        assertEquals(List.of(), chip.writes);
        assertTrue(again.attachedToRunningChip());
        assertTrue(again.steps().stream().allMatch(BringUpStep::alreadyDone));
        assertEquals("no device time spent waiting", before, chip.now);
    }

    @Test
    public void chipUpFromAnEarlierHostIsAttachedWithoutResetOrRetraining() {
        FakeChip chip = FakeChip.alreadyUp();

        BringUpReport report = bringUp(chip);

        assertEquals(List.of(), chip.writes);
        assertTrue(report.attachedToRunningChip());
    }

    @Test
    public void onlyTheMissingPartsAreDone() {
        FakeChip chip = FakeChip.alreadyUp();
        chip.hbmState = HbmState.UNTRAINED;
        chip.dmaEnabled = false;

        BringUpReport report = bringUp(chip);

        assertEquals(List.of("hbm.startTraining", "dma.enable"), chip.writes);
        assertFalse(report.attachedToRunningChip());
        assertTrue(step(report, "pll-lock").alreadyDone());
        assertFalse(step(report, "hbm-training").alreadyDone());
    }

    @Test
    public void linkStillTrainingIsAwaitedNotRestarted() {
        FakeChip chip = FakeChip.alreadyUp();
        chip.link = LinkState.CONFIG;
        chip.linkUpAt = 12_000;

        BringUpReport report = bringUp(chip);

        assertEquals(List.of(), chip.writes);
        assertEquals("link up gen 4 x16 (training was under way in CONFIG)", step(report, "pcie-link").detail());
        assertEquals(12_000, step(report, "pcie-link").deviceNanos());
    }

    @Test
    public void readyJudgesFromTheHardwareWithoutWriting() {
        FakeChip chip = new FakeChip();
        assertFalse(chip.services().sequence().endStateHolds());
        bringUp(chip);
        chip.writes.clear();

        assertTrue(chip.services().sequence().endStateHolds());
        chip.lockAt.put(Pll.HBM, Long.MAX_VALUE); // the HBM PLL lost lock
        assertFalse(chip.services().sequence().endStateHolds());
        assertEquals(List.of(), chip.writes);
    }

    @Test
    public void pllThatNeverLocksStopsAtPllLockWithRegisterAndValueWithinTheBound() {
        FakeChip chip = new FakeChip();
        chip.neverLocks.add(Pll.HBM);

        BringUpException e = expectFailure(chip);

        assertEquals("pll-lock", e.step());
        assertTrue(e.getCause() instanceof WaitTimeoutException);
        assertTrue(e.getMessage(), e.getMessage().startsWith("bring-up failed at step pll-lock: clkrst.HBM_PLL_STATUS: LOCKED == 1 not reached"));
        assertTrue(e.getMessage(), e.getMessage().contains("(last value 0x00000000 at 0x0001000c)"));
        assertTrue("gave up within the step's bound", chip.now <= new PllLock(null).bound().toNanos());
        assertFalse("nothing after the failed step ran", chip.writes.contains("pcie.train gen4"));
    }

    @Test
    public void failedHbmTrainingStopsAtHbmTrainingNamingStatus() {
        FakeChip chip = new FakeChip();
        chip.hbmTrainingFails = true;

        BringUpException e = expectFailure(chip);

        assertEquals("hbm-training", e.step());
        assertEquals("bring-up failed at step hbm-training: hbm.STATUS: training failed (STATUS=0x00000004 at 0x00030004)", e.getMessage());
        assertFalse(chip.writes.contains("dma.enable"));
    }

    @Test
    public void hbmThatNeverFinishesTrainingTimesOutWithinTheStepsBound() {
        FakeChip chip = FakeChip.alreadyUp();
        chip.hbmState = HbmState.TRAINING;
        chip.hbmDoneAt = Long.MAX_VALUE;

        BringUpException e = expectFailure(chip);

        assertEquals("hbm-training", e.step());
        assertTrue(e.getMessage(), e.getMessage().contains("hbm.STATUS: READY == 1 not reached within 2000000 ns"));
        assertEquals(new HbmTraining(null).bound().toNanos(), chip.now);
    }

    @Test
    public void wrongChipStopsBeforeAnyWrite() {
        FakeChip chip = new FakeChip();
        chip.chipId = 0x1234_5678;

        BringUpException e = expectFailure(chip);

        assertEquals("identify-chip", e.step());
        assertTrue(e.getMessage(), e.getMessage().contains("chip 0x12345678 gen 1 rev 1 caps 0x43f is not the reference accelerator"));
        assertEquals(List.of(), chip.writes);
    }

    @Test
    public void chipWithoutATensorEngineIsRefused() {
        FakeChip chip = new FakeChip();
        chip.capabilities = 0x37; // TENSOR_ENGINE (bit 3) missing

        BringUpException e = expectFailure(chip);

        assertEquals("bring-up failed at step identify-chip: sysctrl.CAPABILITIES: 0x37 lacks [TENSOR_ENGINE]", e.getMessage());
    }

    @Test
    public void tensorEngineErrorStopsTheLastStepWithItsCode() {
        FakeChip chip = FakeChip.alreadyUp();
        chip.tensorErrorCode = 2;

        BringUpException e = expectFailure(chip);

        assertEquals("bring-up failed at step tensor-engine: tensor.INT_STATUS.ERROR set, ERR_CODE=2 (address out of range)", e.getMessage());
    }

    @Test
    public void busyTensorEngineOfARunningChipIsLeftToFinish() {
        FakeChip chip = FakeChip.alreadyUp();
        chip.tensorQueued = 3;

        BringUpReport report = bringUp(chip);

        assertTrue(report.attachedToRunningChip());
        assertTrue(step(report, "tensor-engine").detail(), step(report, "tensor-engine").detail().startsWith("busy, 3 queued (left to finish), no error"));
    }

    private static BringUpException expectFailure(FakeChip chip) {
        try {
            BringUpReport report = bringUp(chip);
            fail("bring-up succeeded: " + report);
            return null;
        } catch (BringUpException e) {
            return e;
        }
    }
}
