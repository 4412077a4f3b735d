package io.halcyon.consumers.training;

import java.util.SplittableRandom;

import io.halcyon.consumers.training.api.TrainingPlan;

/**
 * The dataset a plan's seed gives: features uniform in [-1, 1], and a smooth nonlinear target that
 * mixes a sine, a product of two features, a square, a cosine and a linear term. StrictMath keeps
 * the values identical on every JVM, so two hosts generate the same bytes.
 *
 * @param features samples x inputs, row-major
 * @param targets one per sample
 */
record SyntheticDataset(float[] features, float[] targets) {

    static SyntheticDataset generate(TrainingPlan plan) {
        int n = plan.samples();
        int in = plan.inputs();
        SplittableRandom random = new SplittableRandom(plan.seed());
        float[] x = new float[n * in];
        float[] y = new float[n];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < in; j++) {
                x[s * in + j] = (float) (2 * random.nextDouble() - 1);
            }
            y[s] = (float) target(x, s * in, in);
        }
        return new SyntheticDataset(x, y);
    }

    /** Features are taken modulo the input count, so every plan shape has a target. */
    private static double target(float[] x, int row, int in) {
        double x0 = x[row];
        double x1 = x[row + (1 % in)];
        double x2 = x[row + (2 % in)];
        double x3 = x[row + (3 % in)];
        double x4 = x[row + (4 % in)];
        double x5 = x[row + (5 % in)];
        return 0.6 * StrictMath.sin(2 * x0) + 0.5 * x1 * x2 + 0.4 * x3 * x3 - 0.3 * StrictMath.cos(3 * x4) + 0.2 * x5;
    }
}
