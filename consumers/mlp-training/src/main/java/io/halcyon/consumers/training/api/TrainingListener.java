package io.halcyon.consumers.training.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Progress of a training run. */
@ConsumerType
@FunctionalInterface
public interface TrainingListener {

    /** Ignores progress. */
    TrainingListener NONE = (step, steps, loss) -> { };

    /**
     * @param step weight updates done so far: 0 for the loss of the initial weights, {@code steps} for the final loss
     * @param steps weight updates the run will do
     * @param loss mean squared error over the dataset with the weights after {@code step} updates
     */
    void progress(int step, int steps, double loss);
}
