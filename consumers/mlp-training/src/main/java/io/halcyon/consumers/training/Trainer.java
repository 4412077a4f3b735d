package io.halcyon.consumers.training;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.tensor.TensorCommand;

/**
 * One training run on the chip. Data crosses to the chip by DMA only: the dataset and initial
 * weights once at the start, four bytes of loss after every step, the final weights at the end.
 */
final class Trainer {

    /** The run's tensors start at the bottom of HBM; the run owns that region while it lasts. */
    static final long HBM_BASE = 0;
    static final int DMA_CHANNEL = 0;
    /** Device-time bounds: generous for the model and for silicon, still finite when hardware hangs. */
    static final Duration DMA_BOUND = Duration.ofMillis(50);
    static final Duration STEP_BOUND = Duration.ofSeconds(1);

    private final ChipAccess chip;

    Trainer(ChipAccess chip) {
        this.chip = chip;
    }

    TrainingResult run(TrainingPlan plan, TrainingListener listener) {
        HbmState hbm = chip.hbm().state();
        if (hbm != HbmState.READY) {
            throw new IllegalStateException("training needs a chip that is brought up: HBM is " + hbm + " (run hal:bringup)");
        }
        DeviceLayout layout = new DeviceLayout(plan, HBM_BASE, chip.hbm().sizeBytes());
        MlpProgram program = new MlpProgram(plan, layout);
        SyntheticDataset data = SyntheticDataset.generate(plan);
        float[] initial = InitialWeights.generate(plan, layout.shape);
        int paramBytes = 4 * layout.shape.count();

        long wallStart = System.nanoTime();
        long cyclesStart = chip.tensor().busyCycles();
        long commands = 0;
        List<Double> losses = new ArrayList<>(plan.steps() + 1);
        try (HostBuffer upload = chip.hostMemory().allocate(4 * (data.features().length + data.targets().length) + paramBytes);
                HostBuffer lossOut = chip.hostMemory().allocate(4 * (plan.steps() + 1));
                HostBuffer weightsOut = chip.hostMemory().allocate(paramBytes)) {
            upload(upload, layout, data, initial);
            int slot = 0;
            for (int step = 0; step <= plan.steps(); step++) {
                List<TensorCommand> work = new ArrayList<>(program.forwardAndLoss(slot));
                if (step < plan.steps()) {
                    work.addAll(program.backwardAndUpdate(slot, 1 - slot));
                }
                chip.tensor().await(chip.tensor().submit(work, STEP_BOUND), STEP_BOUND);
                commands += work.size();
                double loss = fetchLoss(lossOut, step, layout) / plan.samples();
                losses.add(loss);
                listener.progress(step, plan.steps(), loss);
                slot = 1 - slot;
            }
            // The last pass only evaluated: the final weights are in the slot it read.
            copy(DmaDescriptor.toHost(layout.params(1 - slot), weightsOut.busAddress(), paramBytes));
            ByteBuffer weights = weightsOut.contents();
            weights.limit(paramBytes); // the buffer is rounded up to whole pages
            String checksum = sha256(weights);
            return new TrainingResult(plan, losses, plan.targetRatio() * losses.get(0), checksum,
                    (System.nanoTime() - wallStart) / 1e6, chip.tensor().busyCycles() - cyclesStart, commands);
        }
    }

    private void upload(HostBuffer buffer, DeviceLayout layout, SyntheticDataset data, float[] initial) {
        ByteBuffer bytes = buffer.contents();
        bytes.asFloatBuffer().put(data.features()).put(data.targets()).put(initial);
        long host = buffer.busAddress();
        int featureBytes = 4 * data.features().length;
        int targetBytes = 4 * data.targets().length;
        copy(DmaDescriptor.toDevice(host, layout.features, featureBytes),
                DmaDescriptor.toDevice(host + featureBytes, layout.targets, targetBytes),
                DmaDescriptor.toDevice(host + featureBytes + targetBytes, layout.params(0), 4 * initial.length));
    }

    private float fetchLoss(HostBuffer lossOut, int step, DeviceLayout layout) {
        copy(DmaDescriptor.toHost(layout.sumSquaredError, lossOut.busAddress() + 4L * step, 4));
        return lossOut.contents().getFloat(4 * step);
    }

    private void copy(DmaDescriptor... descriptors) {
        copy(chip, descriptors);
    }

    /** Moves data with the chip's DMA engine and waits until it is done. */
    static void copy(ChipAccess chip, DmaDescriptor... descriptors) {
        chip.dma().submit(DMA_CHANNEL, List.of(descriptors), DMA_BOUND);
        chip.dma().awaitIdle(DMA_CHANNEL, DMA_BOUND);
    }

    static String sha256(ByteBuffer bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
