package io.halcyon.consumers.training.api;

import java.util.List;

/**
 * What a run did.
 *
 * @param plan the plan that ran
 * @param losses loss after 0, 1, ... {@code plan.steps()} updates ({@code steps + 1} values)
 * @param targetLoss {@code plan.targetRatio()} times the initial loss
 * @param weightsChecksum SHA-256 (hex) of the final weights as fp32 little-endian bytes, in the order
 *     W1 (inputs x hidden, row-major), b1, W2 (hidden x 1), b2: equal for two runs exactly when
 *     their weights are bit-identical
 * @param wallMillis wall-clock time of the run
 * @param engineCycles tensor engine busy cycles the run took
 * @param tensorCommands tensor engine commands the run submitted
 */
public record TrainingResult(TrainingPlan plan, List<Double> losses, double targetLoss, String weightsChecksum,
        double wallMillis, long engineCycles, long tensorCommands) {

    public TrainingResult {
        losses = List.copyOf(losses);
    }

    public int steps() {
        return plan.steps();
    }

    public double initialLoss() {
        return losses.get(0);
    }

    public double finalLoss() {
        return losses.get(losses.size() - 1);
    }

    public boolean targetReached() {
        return finalLoss() < targetLoss;
    }

    /** The first step after which the loss was below the target, or -1. */
    public int firstStepBelowTarget() {
        for (int i = 0; i < losses.size(); i++) {
            if (losses.get(i) < targetLoss) {
                return i;
            }
        }
        return -1;
    }

    public double stepsPerSecond() {
        return wallMillis > 0 ? plan.steps() * 1000.0 / wallMillis : Double.NaN;
    }
}
