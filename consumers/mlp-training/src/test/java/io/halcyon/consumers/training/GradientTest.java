package io.halcyon.consumers.training;

import static org.junit.Assert.assertEquals;

import java.time.Duration;

import org.junit.Test;

import io.halcyon.consumers.training.api.TrainingPlan;

/**
 * The backward commands compute the true gradient of the loss: each one is compared with a central
 * finite difference of the forward commands' loss, on a small model where fp32 rounding stays small.
 */
public class GradientTest {

    private static final TrainingPlan SMALL = new TrainingPlan(3, 16, 3, 4, 1, 0.1f, 0.5);
    private static final Duration BOUND = Duration.ofSeconds(1);

    private final FakeAccelerator chip = new FakeAccelerator();
    private final DeviceLayout t = new DeviceLayout(SMALL, 0, chip.hbmBytes.capacity());
    private final MlpProgram program = new MlpProgram(SMALL, t);

    @Test
    public void backwardMatchesFiniteDifferencesOfTheLoss() {
        SyntheticDataset data = SyntheticDataset.generate(SMALL);
        float[] params = InitialWeights.generate(SMALL, t.shape);
        params[t.shape.b1()] = 0.05f; // a non-zero bias, so its gradient path is exercised off the origin
        write(t.features, data.features());
        write(t.targets, data.targets());
        write(t.params(0), params);

        loss();
        chip.tensor().submit(program.backwardAndUpdate(0, 1), BOUND);
        float[] grads = read(t.grads, t.shape.count());

        double eps = 1e-2;
        for (int i = 0; i < params.length; i++) {
            float saved = params[i];
            params[i] = (float) (saved + eps);
            write(t.params(0), params);
            double up = loss();
            params[i] = (float) (saved - eps);
            write(t.params(0), params);
            double down = loss();
            params[i] = saved;
            write(t.params(0), params);
            assertEquals("d loss / d param " + i, (up - down) / (2 * eps), grads[i], 2e-3);
        }
    }

    @Test
    public void updateMovesEveryParameterAgainstItsGradient() {
        float[] params = InitialWeights.generate(SMALL, t.shape);
        write(t.features, SyntheticDataset.generate(SMALL).features());
        write(t.targets, SyntheticDataset.generate(SMALL).targets());
        write(t.params(0), params);

        loss();
        chip.tensor().submit(program.backwardAndUpdate(0, 1), BOUND);

        float[] grads = read(t.grads, t.shape.count());
        float[] updated = read(t.params(1), t.shape.count());
        for (int i = 0; i < params.length; i++) {
            assertEquals("param " + i, params[i] - SMALL.learningRate() * grads[i], updated[i], 1e-6);
        }
        assertEquals("slot 0 untouched", params[0], read(t.params(0), 1)[0], 0);
    }

    private double loss() {
        chip.tensor().submit(program.forwardAndLoss(0), BOUND);
        return read(t.sumSquaredError, 1)[0] / (double) SMALL.samples();
    }

    private void write(long address, float[] values) {
        for (int i = 0; i < values.length; i++) {
            chip.hbmBytes.putFloat((int) address + 4 * i, values[i]);
        }
    }

    private float[] read(long address, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = chip.hbmBytes.getFloat((int) address + 4 * i);
        }
        return out;
    }
}
