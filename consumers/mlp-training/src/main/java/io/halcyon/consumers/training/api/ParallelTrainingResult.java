package io.halcyon.consumers.training.api;

import java.util.List;

/**
 * What a data-parallel run did.
 *
 * @param result the run as a whole: losses over the whole dataset, the final weights' checksum (equal on
 *     every chip, which the run checks), wall time; engine cycles and tensor commands summed over the chips
 * @param chips each chip's share, in reduction order
 * @param allReduceMillis wall time spent in the all-reduce (gradients to host, between host buffers, to
 *     every chip, summed on chip), over the whole run
 * @param allReduceBytes bytes the chips' DMA engines moved for the all-reduce, all chips together
 * @param lostChips one line per chip that failed during a run asked to continue without it, naming the chip
 *     and the step (its share then lists the steps it completed)
 * @since 1.1
 */
public record ParallelTrainingResult(TrainingResult result, List<ChipShare> chips, double allReduceMillis, long allReduceBytes,
        List<String> lostChips) {

    public ParallelTrainingResult {
        chips = List.copyOf(chips);
        lostChips = List.copyOf(lostChips);
    }

    /** A run that lost no chip. */
    public ParallelTrainingResult(TrainingResult result, List<ChipShare> chips, double allReduceMillis, long allReduceBytes) {
        this(result, chips, allReduceMillis, allReduceBytes, List.of());
    }

    /**
     * One chip's part of a data-parallel run.
     *
     * @param chip the chip instance
     * @param samples the rows of the dataset it held
     * @param steps the steps it ran (each a forward and backward pass, an all-reduce and an update)
     * @param dmaBytes bytes its DMA engine moved for the run: shard, initial weights, losses, gradients, weights
     * @param engineCycles tensor engine busy cycles the run took on it (its device time)
     * @param weightsChecksum SHA-256 of its final weights, as {@link TrainingResult#weightsChecksum()}; null for a chip lost
     */
    public record ChipShare(int chip, int samples, int steps, long dmaBytes, long engineCycles, String weightsChecksum) {
    }

    /** The largest of the chips' engine cycles: the run's device time, the chips running side by side. */
    public long deviceCycles() {
        return chips.stream().mapToLong(ChipShare::engineCycles).max().orElse(0);
    }
}
