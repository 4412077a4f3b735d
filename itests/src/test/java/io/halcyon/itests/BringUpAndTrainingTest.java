package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;

import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;
import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * Bring-up and the training workload on the emulated chip, through the services the bundles publish.
 * The methods share one chip: each brings it up first (or resets it on purpose) and assumes nothing else.
 */
@RunWith(PaxExam.class)
public class BringUpAndTrainingTest extends HalcyonTestSupport {

    private static final List<String> STEPS = List.of("identify-chip", "fuses", "clocks-and-resets", "pll-lock", "pcie-link",
            "hbm-training", "dma-and-interrupts", "tensor-engine");

    @Test
    public void bringUpFromResetRecordsEveryStepInDeviceTime() {
        BringUp bringUp = service(BringUp.class, CHIP_0);
        service(SystemControl.class, CHIP_0).softReset(); // every block back to its power-on state
        assertFalse("ready after a reset", bringUp.ready());

        BringUpReport report = bringUp.bringUp();

        assertEquals(STEPS, report.steps().stream().map(BringUpStep::name).collect(Collectors.toList()));
        assertFalse(report.attachedToRunningChip());
        for (String worked : List.of("fuses", "clocks-and-resets", "pll-lock", "pcie-link", "hbm-training", "dma-and-interrupts")) {
            assertFalse(worked + " did its work", step(report, worked).alreadyDone());
        }
        // The documented lock and training times of the reference chip, in model time.
        assertTrue(report.toString(), step(report, "pll-lock").deviceNanos() >= 50_000);
        assertTrue(report.toString(), step(report, "hbm-training").deviceNanos() >= 200_000);
        assertTrue(report.toString(), step(report, "pcie-link").deviceNanos() > 0);
        assertTrue(report.toString(), report.steps().stream().allMatch(s -> s.wallMillis() >= 0));
        assertTrue(bringUp.ready());
        ClockReset clkrst = service(ClockReset.class, CHIP_0);
        assertTrue(clkrst.pllLocked(Pll.CORE) && clkrst.pllLocked(Pll.HBM));
        assertEquals(EnumSet.noneOf(ChipBlock.class), clkrst.blocksInReset());
    }

    @Test
    public void secondBringUpSkipsEveryStepAndChangesNothing() {
        BringUp bringUp = service(BringUp.class, CHIP_0);
        bringUp.bringUp();
        String before = chipState();
        int resets = service(SystemControl.class, CHIP_0).resetCount();

        BringUpReport again = bringUp.bringUp();

        assertTrue(again.toString(), again.attachedToRunningChip());
        assertTrue(again.toString(), again.steps().stream().allMatch(BringUpStep::alreadyDone));
        assertTrue("only reads: " + again, again.steps().stream().mapToLong(BringUpStep::deviceNanos).sum() < 10_000);
        assertEquals(before, chipState());
        assertEquals(resets, service(SystemControl.class, CHIP_0).resetCount());
        assertTrue(bringUp.ready());
    }

    @Test
    public void trainingReachesItsTargetTwiceWithBitIdenticalWeights() {
        service(BringUp.class, CHIP_0).bringUp();
        MlpTraining training = service(MlpTraining.class, CHIP_0);
        List<Integer> progress = new ArrayList<>();

        TrainingResult first = training.train((step, steps, loss) -> progress.add(step));
        TrainingResult second = training.train((step, steps, loss) -> { });

        assertTrue(first.toString(), first.targetReached());
        assertTrue("target passed well before the last step: " + first.firstStepBelowTarget(),
                first.firstStepBelowTarget() < first.steps() * 3 / 4);
        assertEquals(first.steps() + 1, progress.size());
        assertEquals(first.losses().size() - 1, (int) progress.get(progress.size() - 1));
        assertEquals("bit-identical weights", first.weightsChecksum(), second.weightsChecksum());
        assertEquals(first.losses(), second.losses());
        assertEquals(first.engineCycles(), second.engineCycles());
    }

    @Test
    public void everyRunIsToldToTheTrainingListenerServicesOfItsChipAndAThrowingOneFailsNothing() {
        service(BringUp.class, CHIP_0).bringUp();
        MlpTraining training = service(MlpTraining.class, CHIP_0);
        List<Integer> watched = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Dictionary<String, Object> chip0 = new java.util.Hashtable<>(java.util.Map.of("halcyon.chip", 0));
        org.osgi.framework.ServiceRegistration<TrainingListener> watcher = context.registerService(TrainingListener.class,
                (step, steps, loss) -> watched.add(step), chip0);
        org.osgi.framework.ServiceRegistration<TrainingListener> broken = context.registerService(TrainingListener.class,
                (step, steps, loss) -> {
                    throw new IllegalStateException("a broken watcher");
                }, chip0);
        try {
            // A run started by someone else (here: this test, with no listener of its own) is watched all the same.
            TrainingResult r = training.train(training.plan().withSteps(10), TrainingListener.NONE);
            assertEquals(10, r.steps());
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), watched);
        } finally {
            watcher.unregister();
            broken.unregister();
        }
        training.train(training.plan().withSteps(3), TrainingListener.NONE);
        assertEquals("an unregistered watcher is told nothing more", 11, watched.size());
    }

    private static BringUpStep step(BringUpReport report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + report));
    }

    /** What bring-up sets up, read through the block contracts (no read has side effects). */
    private String chipState() {
        ClockReset clkrst = service(ClockReset.class, CHIP_0);
        PcieEndpoint pcie = service(PcieEndpoint.class, CHIP_0);
        HbmController hbm = service(HbmController.class, CHIP_0);
        InterruptController intc = service(InterruptController.class, CHIP_0);
        HbmState hbmState = hbm.state();
        return clkrst.clocksEnabled() + " " + clkrst.blocksInReset() + " " + clkrst.pllLocked(Pll.CORE) + " "
                + clkrst.pllLocked(Pll.HBM) + " " + pcie.status() + " " + hbmState + " " + intc.enabled();
    }
}
