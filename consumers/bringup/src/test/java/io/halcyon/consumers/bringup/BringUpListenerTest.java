package io.halcyon.consumers.bringup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.bringup.BringUpException;
import io.halcyon.hal.api.bringup.BringUpListener;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;

/** Bring-up tells its listeners each step as it ends, before the next step touches the chip. */
public class BringUpListenerTest {

    private static final List<String> STEPS = List.of("identify-chip", "fuses", "clocks-and-resets", "pll-lock", "pcie-link",
            "hbm-training", "dma-and-interrupts", "tensor-engine");

    /** Records what it is told, and for each step what the chip had been written by then. */
    private static final class Recorder implements BringUpListener {
        final FakeChip chip;
        final List<String> events = new ArrayList<>();
        final List<List<String>> writesAtStep = new ArrayList<>();
        BringUpReport finished;
        BringUpException failed;

        Recorder(FakeChip chip) {
            this.chip = chip;
        }

        @Override
        public void started(List<String> steps) {
            events.add("started " + steps);
        }

        @Override
        public void step(BringUpStep step) {
            events.add(step.name());
            writesAtStep.add(List.copyOf(chip.writes));
        }

        @Override
        public void finished(BringUpReport report) {
            events.add("finished");
            finished = report;
        }

        @Override
        public void failed(BringUpException failure) {
            events.add("failed");
            failed = failure;
        }
    }

    @Test
    public void eachStepIsToldAsItEndsBeforeTheNextOneWrites() {
        FakeChip chip = new FakeChip();
        Recorder r = new Recorder(chip);

        BringUpReport report = chip.services().sequence().run(new Watchers(List.of(r)));

        List<String> expected = new ArrayList<>();
        expected.add("started " + STEPS);
        expected.addAll(STEPS);
        expected.add("finished");
        assertEquals(expected, r.events);
        assertSame(report, r.finished);
        // When clocks-and-resets was told, its writes were done and pll-lock's were not yet.
        List<String> atClocks = r.writesAtStep.get(STEPS.indexOf("clocks-and-resets"));
        assertEquals("clkrst.releaseResets [PCIE, HBM, DMA, INTC, TENSOR, TELEMETRY]", atClocks.get(atClocks.size() - 1));
        assertTrue(atClocks.stream().noneMatch(w -> w.startsWith("clkrst.enablePll")));
        assertEquals(List.of(), r.writesAtStep.get(0));
    }

    @Test
    public void aFailureIsToldAfterTheStepsBeforeIt() {
        FakeChip chip = new FakeChip();
        chip.hbmTrainingFails = true;
        Recorder r = new Recorder(chip);
        try {
            chip.services().sequence().run(new Watchers(List.of(r)));
            fail("bring-up should stop at hbm-training");
        } catch (BringUpException e) {
            assertSame(e, r.failed);
        }
        List<String> expected = new ArrayList<>();
        expected.add("started " + STEPS);
        expected.addAll(STEPS.subList(0, STEPS.indexOf("hbm-training")));
        expected.add("failed");
        assertEquals(expected, r.events);
        assertEquals("hbm-training", r.failed.step());
    }

    @Test
    public void aListenerThatThrowsIsLeftOutAndNeverFailsTheBringUp() {
        FakeChip chip = new FakeChip();
        List<String> told = new ArrayList<>();
        BringUpListener broken = step -> {
            told.add(step.name());
            throw new IllegalStateException("a watcher's bug");
        };
        Recorder r = new Recorder(chip);

        BringUpReport report = chip.services().sequence().run(new Watchers(List.of(broken, r)));

        assertEquals(STEPS.size(), report.steps().size());
        assertEquals("told once, then left out", List.of("identify-chip"), told);
        assertEquals("the other listener heard every step", STEPS.size() + 2, r.events.size());
    }
}
