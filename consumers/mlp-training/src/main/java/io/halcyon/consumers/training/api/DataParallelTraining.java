package io.halcyon.consumers.training.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Trains the MLP of a {@link TrainingPlan} on several chips at once, data-parallel: each chip holds a
 * shard of the dataset (contiguous rows, in chip order) and a full copy of the weights; after every
 * step's backward pass the chips' gradients are summed by an all-reduce whose data the chips' DMA
 * engines move through host memory, always in the order the chips are given, and every chip applies the
 * same update. Same plan and same chips: bit-identical weights, run to run.
 *
 * <p>Every chip must be brought up. Runs take turns; their tensors live in HBM apart from
 * {@link MlpTraining}'s, so a single-chip run on one of the chips does not disturb them.
 *
 * @since 1.1
 */
@ProviderType
public interface DataParallelTraining {

    /** What the main job runs: {@link TrainingPlan#standard()}. */
    default TrainingPlan plan() {
        return TrainingPlan.standard();
    }

    /** The chips whose DMA, tensor, HBM and host-memory services are all present, ascending. */
    List<Integer> chips();

    /**
     * Runs {@code plan} on {@code chips} (reduction order; at most as many chips as samples).
     *
     * @param listener told the mean loss over the whole dataset after every step, on the caller's thread
     * @throws IllegalArgumentException if {@code chips} is empty, repeats a chip or names one that is not present
     * @throws IllegalStateException if a chip fails or vanishes during the run: the message names the chip
     *     and the step; the run stops there, the other chips' calls in flight complete
     */
    default ParallelTrainingResult train(TrainingPlan plan, List<Integer> chips, TrainingListener listener) {
        return train(plan, chips, listener, false);
    }

    /**
     * {@link #train(TrainingPlan, List, TrainingListener)}, and with {@code continueOnChipLoss} a chip that fails
     * or vanishes leaves the run instead of stopping it: the step it failed in starts again on the chips left,
     * each with a larger share of the samples, from the weights they all hold (the result says which chips were
     * lost and when). The run stops only when no chip is left.
     */
    ParallelTrainingResult train(TrainingPlan plan, List<Integer> chips, TrainingListener listener, boolean continueOnChipLoss);
}
