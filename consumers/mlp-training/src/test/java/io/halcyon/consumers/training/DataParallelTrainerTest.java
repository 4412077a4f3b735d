package io.halcyon.consumers.training;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.Test;

import io.halcyon.consumers.training.api.ParallelTrainingResult;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.hbm.HbmState;

public class DataParallelTrainerTest {

    private static final TrainingPlan SHORT = TrainingPlan.standard().withSteps(5);

    private static ParallelTrainingResult train(TrainingPlan plan, List<FakeAccelerator> chips) {
        List<Integer> numbers = IntStream.range(0, chips.size()).boxed().toList();
        return new DataParallelTrainer(numbers, chips::get, 0, false).run(plan, TrainingListener.NONE);
    }

    private static List<FakeAccelerator> chips(int n) {
        List<FakeAccelerator> chips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chips.add(new FakeAccelerator());
        }
        return chips;
    }

    @Test
    public void oneChipGivesTheSingleChipTrainersWeightsAndLosses() {
        TrainingResult single = new Trainer(new FakeAccelerator()).run(SHORT, TrainingListener.NONE);
        ParallelTrainingResult one = train(SHORT, chips(1));

        assertEquals(single.weightsChecksum(), one.result().weightsChecksum());
        assertEquals(single.losses(), one.result().losses());
        assertEquals("nothing to reduce on one chip", 0, one.allReduceBytes());
    }

    @Test
    public void fourChipsReachTheTargetWithBitIdenticalWeightsRunToRunAndOnEveryChip() {
        ParallelTrainingResult first = train(TrainingPlan.standard(), chips(4));
        ParallelTrainingResult second = train(TrainingPlan.standard(), chips(4));

        assertTrue(first.result().toString(), first.result().targetReached());
        assertEquals(first.result().weightsChecksum(), second.result().weightsChecksum());
        assertEquals(first.result().losses(), second.result().losses());
        for (ParallelTrainingResult.ChipShare share : first.chips()) {
            assertEquals(64, share.samples());
            assertEquals(400, share.steps());
            assertEquals(first.result().weightsChecksum(), share.weightsChecksum());
        }
        // Per step and chip: its gradients out (161 floats), all four chips' gradients in.
        assertEquals(400L * 4 * (161 + 4 * 161) * 4, first.allReduceBytes());
    }

    @Test
    public void theLossIsOverTheWholeDatasetWhateverTheChipCount() {
        ParallelTrainingResult one = train(SHORT, chips(1));
        ParallelTrainingResult three = train(SHORT, chips(3));

        // The initial weights are the same; only the order of the float sums differs.
        assertEquals(one.result().initialLoss(), three.result().initialLoss(), 1e-5 * one.result().initialLoss());
        assertEquals(List.of(86, 85, 85), three.chips().stream().map(ParallelTrainingResult.ChipShare::samples).toList());
        assertNotEquals("the split changes the float sums, hence the bits", one.result().weightsChecksum(), three.result().weightsChecksum());
    }

    @Test
    public void gradientsCrossBetweenChipsOnlyThroughHostMemoryByDma() {
        List<FakeAccelerator> chips = chips(2);
        train(SHORT, chips);

        for (FakeAccelerator chip : chips) {
            long gradientsOut = chip.descriptors.stream().filter(d -> d.length() == 161 * 4).count();
            long gradientsIn = chip.descriptors.stream().filter(d -> d.length() == 2 * 161 * 4).count();
            assertEquals("5 steps' gradients out, plus the initial and the final weights", 5 + 2, gradientsOut);
            assertEquals(5, gradientsIn);
        }
    }

    @Test
    public void aChipThatFailsStopsTheRunNamingTheChipAndTheStep() {
        List<FakeAccelerator> chips = chips(3);
        chips.get(2).hbmState = HbmState.FAILED;
        try {
            train(SHORT, chips);
            fail("trained on a chip whose HBM failed");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("chip 2 at the start of data-parallel training: training needs a chip that is brought up: HBM is FAILED"));
        }
    }

    @Test
    public void askedToContinueARunThatLosesAChipGoesOnOnTheOthersAndStillReachesItsTarget() {
        List<FakeAccelerator> chips = chips(3);
        chips.get(1).failTensorAfter(100); // chip 1 dies in its 101st tensor submission
        ParallelTrainingResult r = new DataParallelTrainer(List.of(0, 1, 2), chips::get, 0, true).run(TrainingPlan.standard(), TrainingListener.NONE);

        assertTrue(r.result().toString(), r.result().targetReached());
        assertEquals(401, r.result().losses().size());
        assertEquals(1, r.lostChips().size());
        assertTrue(r.lostChips().get(0), r.lostChips().get(0).startsWith("chip 1 at step "));
        ParallelTrainingResult.ChipShare lost = r.chips().get(1);
        assertTrue("chip 1 stopped part-way: " + lost, lost.steps() > 0 && lost.steps() < 400);
        assertEquals(400, r.chips().get(0).steps());
        assertEquals(128, r.chips().get(2).samples());
        // Deterministic as well: the same loss, the same bits.
        List<FakeAccelerator> again = chips(3);
        again.get(1).failTensorAfter(100);
        assertEquals(r.result().weightsChecksum(),
                new DataParallelTrainer(List.of(0, 1, 2), again::get, 0, true).run(TrainingPlan.standard(), TrainingListener.NONE).result().weightsChecksum());
    }

    @Test
    public void notAskedToContinueARunThatLosesAChipStopsNamingIt() {
        List<FakeAccelerator> chips = chips(2);
        chips.get(1).failTensorAfter(10);
        try {
            train(SHORT, chips);
            fail("went on without chip 1");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().matches("chip 1 at step \\d of data-parallel training: .*"));
        }
    }

    @Test
    public void moreChipsThanSamplesIsRefused() {
        try {
            train(new TrainingPlan(7, 2, 8, 16, 5, 0.2f, 0.05), chips(3));
            fail("a chip would have had no sample");
        } catch (IllegalArgumentException e) {
            assertEquals("3 chips for 2 samples: a chip would have none", e.getMessage());
        }
    }

}
