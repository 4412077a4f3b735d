package io.halcyon.consumers.training;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.MemorySpace;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.tensor.Opcode;
import io.halcyon.hal.api.tensor.TensorCommand;

public class TrainerTest {

    private static final TrainingPlan SHORT = TrainingPlan.standard().withSteps(5);

    @Test
    public void standardPlanPassesItsTargetWithinItsSteps() {
        List<Integer> seen = new ArrayList<>();
        TrainingResult r = new Trainer(new FakeAccelerator()).run(TrainingPlan.standard(), (step, steps, loss) -> seen.add(step));

        assertEquals(401, r.losses().size());
        assertTrue(r.toString(), r.targetReached());
        assertEquals(0.05 * r.initialLoss(), r.targetLoss(), 0);
        assertTrue("target passed with room to spare: " + r.firstStepBelowTarget(), r.firstStepBelowTarget() < 300);
        assertEquals("listener told every step in order", java.util.stream.IntStream.rangeClosed(0, 400).boxed().collect(Collectors.toList()), seen);
    }

    @Test
    public void twoRunsGiveBitIdenticalWeightsAndAnotherSeedDoesNot() {
        TrainingResult first = new Trainer(new FakeAccelerator()).run(SHORT, TrainingListener.NONE);
        TrainingResult second = new Trainer(new FakeAccelerator()).run(SHORT, TrainingListener.NONE);
        TrainingPlan otherSeed = new TrainingPlan(8, 256, 8, 16, 5, 0.2f, 0.05);
        TrainingResult third = new Trainer(new FakeAccelerator()).run(otherSeed, TrainingListener.NONE);

        assertEquals(first.weightsChecksum(), second.weightsChecksum());
        assertEquals(first.losses(), second.losses());
        assertNotEquals(first.weightsChecksum(), third.weightsChecksum());
        assertEquals(64, first.weightsChecksum().length());
    }

    @Test
    public void checksumIsOfTheWeightsTheChipHoldsInHbm() throws Exception {
        FakeAccelerator chip = new FakeAccelerator();
        TrainingResult r = new Trainer(chip).run(SHORT, TrainingListener.NONE);

        // 5 updates alternate slot 0 -> 1 -> 0 -> 1 -> 0 -> 1: the final weights are in slot 1.
        DeviceLayout layout = new DeviceLayout(SHORT, Trainer.HBM_BASE, chip.hbmBytes.capacity());
        ByteBuffer weights = chip.hbmBytes.duplicate().position((int) layout.params(1)).limit((int) layout.params(1) + 4 * layout.shape.count());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toArray(weights)));
        assertEquals(expected, r.weightsChecksum());
    }

    @Test
    public void dataCrossesByDmaOnlyAsPlanned() {
        FakeAccelerator chip = new FakeAccelerator();
        new Trainer(chip).run(SHORT, TrainingListener.NONE);

        List<DmaDescriptor> d = chip.descriptors;
        assertEquals("dataset (features, targets, weights), 6 losses, final weights", 3 + 6 + 1, d.size());
        for (DmaDescriptor upload : d.subList(0, 3)) {
            assertEquals(MemorySpace.HOST, upload.sourceSpace());
            assertEquals(MemorySpace.DEVICE, upload.destinationSpace());
        }
        assertEquals(List.of(256 * 8 * 4, 256 * 4, 161 * 4), d.subList(0, 3).stream().map(DmaDescriptor::length).collect(Collectors.toList()));
        for (DmaDescriptor loss : d.subList(3, 9)) {
            assertEquals(MemorySpace.DEVICE, loss.sourceSpace());
            assertEquals(MemorySpace.HOST, loss.destinationSpace());
            assertEquals(4, loss.length());
        }
        assertEquals(161 * 4, d.get(9).length());
        assertEquals(MemorySpace.HOST, d.get(9).destinationSpace());
    }

    @Test
    public void everyStepIsForwardLossBackwardAndOneUpdate() {
        FakeAccelerator chip = new FakeAccelerator();
        TrainingResult r = new Trainer(chip).run(SHORT, TrainingListener.NONE);

        assertEquals("6 evaluations of 8 commands, 5 backward-and-update of 8", 6 * 8 + 5 * 8, chip.commands.size());
        assertEquals(chip.commands.size(), r.tensorCommands());
        assertEquals(List.of(Opcode.MATMUL, Opcode.ADD_ROW, Opcode.RELU, Opcode.MATMUL, Opcode.ADD_ROW,
                Opcode.SUB, Opcode.MUL, Opcode.SUM_ROWS,
                Opcode.SCALE, Opcode.MATMUL, Opcode.SUM_ROWS, Opcode.MATMUL, Opcode.RELU_GRAD, Opcode.MATMUL, Opcode.SUM_ROWS,
                Opcode.AXPY),
                chip.commands.subList(0, 16).stream().map(TensorCommand::opcode).collect(Collectors.toList()));
    }

    @Test
    public void chipThatIsNotBroughtUpIsRefusedBeforeAnyWork() {
        FakeAccelerator chip = new FakeAccelerator();
        chip.hbmState = HbmState.UNTRAINED;
        try {
            new Trainer(chip).run(SHORT, TrainingListener.NONE);
            fail("trained on untrained HBM");
        } catch (IllegalStateException e) {
            assertEquals("training needs a chip that is brought up: HBM is UNTRAINED (run hal:bringup)", e.getMessage());
        }
        assertEquals(List.of(), chip.descriptors);
    }

    @Test
    public void planTooLargeForHbmIsRefusedNamingTheSizes() {
        TrainingPlan huge = new TrainingPlan(1, 65_535, 256, 256, 1, 0.1f, 0.5);
        try {
            new Trainer(new FakeAccelerator()).run(huge, TrainingListener.NONE);
            fail("plan larger than HBM accepted");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("training plan needs ") && e.getMessage().endsWith("the chip has 1048576"));
        }
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
