package io.halcyon.consumers.training;

import java.util.SplittableRandom;

import io.halcyon.consumers.training.api.TrainingPlan;

/**
 * The starting weights a plan's seed gives, packed as {@link ModelShape} says: Glorot-uniform
 * matrices (the ReLU layer starts neither dead nor saturated) and zero biases.
 */
final class InitialWeights {

    /** Keeps the weights' random stream apart from the dataset's, which uses the seed itself. */
    private static final long STREAM = 0x5DEECE66DL;

    private InitialWeights() {}

    static float[] generate(TrainingPlan plan, ModelShape shape) {
        SplittableRandom random = new SplittableRandom(plan.seed() ^ STREAM);
        float[] params = new float[shape.count()];
        fill(params, shape.w1(), shape.inputs() * shape.hidden(), glorot(shape.inputs(), shape.hidden()), random);
        fill(params, shape.w2(), shape.hidden(), glorot(shape.hidden(), 1), random);
        return params;
    }

    private static double glorot(int fanIn, int fanOut) {
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    private static void fill(float[] params, int from, int count, double limit, SplittableRandom random) {
        for (int i = from; i < from + count; i++) {
            params[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
    }
}
