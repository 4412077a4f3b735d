package io.halcyon.consumers.training.api;

/**
 * What a run trains and for how long. The dataset is synthetic and generated from {@code seed}:
 * {@code samples} points uniform in [-1, 1]^{@code inputs} with a smooth nonlinear target; the model
 * is {@code inputs} -> {@code hidden} (ReLU) -> 1 with mean squared error loss, trained by full-batch
 * gradient descent.
 *
 * @param seed seeds the dataset and the initial weights
 * @param samples dataset size (1..65535, a tensor dimension)
 * @param inputs features per sample (1..256)
 * @param hidden hidden units (1..256)
 * @param steps weight updates (1..1,000,000)
 * @param learningRate gradient descent step size (positive, finite)
 * @param targetRatio the run's target is this fraction of the initial loss (0 &lt; ratio &lt; 1)
 */
public record TrainingPlan(long seed, int samples, int inputs, int hidden, int steps, float learningRate, double targetRatio) {

    public TrainingPlan {
        check(samples, 1, 0xFFFF, "samples");
        check(inputs, 1, 256, "inputs");
        check(hidden, 1, 256, "hidden");
        check(steps, 1, 1_000_000, "steps");
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("training plan: learningRate must be positive and finite, was " + learningRate);
        }
        if (!(targetRatio > 0 && targetRatio < 1)) {
            throw new IllegalArgumentException("training plan: targetRatio must be in (0, 1), was " + targetRatio);
        }
    }

    /**
     * 256 samples, 8 inputs, 16 hidden units, 400 steps at learning rate 0.2; target 5 % of the
     * initial loss, which this plan passes after about 200 steps and ends near 2.5 %.
     */
    public static TrainingPlan standard() {
        return new TrainingPlan(7, 256, 8, 16, 400, 0.2f, 0.05);
    }

    /**
     * A model large enough that splitting the batch across chips matters for device time: 2048 samples,
     * 16 inputs, 64 hidden units, 400 steps at learning rate 0.2, target 5 % of the initial loss. Per step
     * its tensor work is about 20 times the standard plan's, while the per-command overhead stays the same.
     *
     * @since 1.1
     */
    public static TrainingPlan large() {
        return new TrainingPlan(7, 2048, 16, 64, 400, 0.2f, 0.05);
    }

    /** The same plan with another number of steps. */
    public TrainingPlan withSteps(int newSteps) {
        return new TrainingPlan(seed, samples, inputs, hidden, newSteps, learningRate, targetRatio);
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("training plan: " + what + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
