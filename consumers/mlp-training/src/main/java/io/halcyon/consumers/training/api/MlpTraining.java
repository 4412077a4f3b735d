package io.halcyon.consumers.training.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Trains a two-layer perceptron entirely on chip 0 (service property {@code halcyon.chip}): the
 * dataset and the initial weights go to HBM by DMA once, every forward and backward pass and every
 * weight update runs on the tensor engine, and only the loss of each step and the final weights
 * come back. Runs are deterministic: the same plan gives bit-identical weights.
 *
 * <p>A run needs the chip brought up (HBM trained, DMA enabled). Runs on one chip are serialised,
 * because each uses the same HBM region.
 */
@ProviderType
public interface MlpTraining {

    /** What {@link #train(TrainingListener)} runs: {@link TrainingPlan#standard()}. */
    default TrainingPlan plan() {
        return TrainingPlan.standard();
    }

    /** Runs the {@linkplain #plan() standard plan}. */
    default TrainingResult train(TrainingListener listener) {
        return train(plan(), listener);
    }

    /**
     * Runs {@code plan} to its last step; the caller's thread does the work.
     *
     * @param listener told the loss after every step, in order, on the caller's thread
     * @throws IllegalStateException if the chip is not ready for work (the message says what is missing)
     *     or a block reports an error
     */
    TrainingResult train(TrainingPlan plan, TrainingListener listener);
}
