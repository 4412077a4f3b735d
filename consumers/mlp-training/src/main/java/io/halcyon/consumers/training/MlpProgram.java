package io.halcyon.consumers.training;

import static io.halcyon.consumers.training.DeviceLayout.at;

import java.util.ArrayList;
import java.util.List;

import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.hal.api.tensor.Opcode;
import io.halcyon.hal.api.tensor.TensorCommand;

/**
 * The tensor engine commands of one training step, over a fixed {@link DeviceLayout}. With X the
 * features (N x I), Y the targets, W1/b1/W2/b2 the parameters:
 * <pre>
 * forward   Z = X W1 + b1,  H = relu(Z),  P = H W2 + b2
 * loss      D = P - Y,  S = sum(D * D)          (the host divides S by N)
 * backward  G = (2/N) D,  dW2 = H^T G,  db2 = sum(G),  dZ = relu'(Z) * (G W2^T),
 *           dW1 = X^T dZ,  db1 = sum(dZ)
 * update    params' = params - lr * grads       (one AXPY over the packed vectors)
 * </pre>
 */
final class MlpProgram {

    private final DeviceLayout t;
    private final ModelShape shape;
    /** Samples on this chip (a shard of the dataset in a data-parallel run). */
    private final int n;
    /** Samples of the whole dataset: the loss is their mean, so each shard's gradients sum to the full ones. */
    private final int samples;
    private final float learningRate;

    MlpProgram(TrainingPlan plan, DeviceLayout layout) {
        this(plan, plan.samples(), layout);
    }

    MlpProgram(TrainingPlan plan, int rows, DeviceLayout layout) {
        this.t = layout;
        this.shape = layout.shape;
        this.n = rows;
        this.samples = plan.samples();
        this.learningRate = plan.learningRate();
    }

    /** Forward pass and loss sum with the parameters of {@code slot}; leaves S at {@link DeviceLayout#sumSquaredError}. */
    List<TensorCommand> forwardAndLoss(int slot) {
        long p = t.params(slot);
        int in = shape.inputs();
        int h = shape.hidden();
        return List.of(
                TensorCommand.matmul(t.features, false, at(p, shape.w1()), false, t.preActivation, n, h, in),
                TensorCommand.binary(Opcode.ADD_ROW, t.preActivation, at(p, shape.b1()), t.biasedPreActivation, n, h),
                TensorCommand.unary(Opcode.RELU, t.biasedPreActivation, t.hiddenOut, n, h),
                TensorCommand.matmul(t.hiddenOut, false, at(p, shape.w2()), false, t.output, n, 1, h),
                TensorCommand.binary(Opcode.ADD_ROW, t.output, at(p, shape.b2()), t.prediction, n, 1),
                TensorCommand.binary(Opcode.SUB, t.prediction, t.targets, t.error, n, 1),
                TensorCommand.binary(Opcode.MUL, t.error, t.error, t.squaredError, n, 1),
                TensorCommand.unary(Opcode.SUM_ROWS, t.squaredError, t.sumSquaredError, n, 1));
    }

    /** Gradients of the loss for the forward pass just run, and the update from slot {@code from} to {@code to}. */
    List<TensorCommand> backwardAndUpdate(int from, int to) {
        List<TensorCommand> work = new ArrayList<>(backward(from));
        work.add(update(t.grads, from, to));
        return work;
    }

    /** This chip's share of the gradients of the mean loss, at {@link DeviceLayout#grads}, for the forward pass just run from slot {@code from}. */
    List<TensorCommand> backward(int from) {
        long p = t.params(from);
        long g = t.grads;
        int in = shape.inputs();
        int h = shape.hidden();
        return List.of(
                TensorCommand.scale(2.0f / samples, t.error, t.outputGrad, n, 1),
                TensorCommand.matmul(t.hiddenOut, true, t.outputGrad, false, at(g, shape.w2()), h, 1, n),
                TensorCommand.unary(Opcode.SUM_ROWS, t.outputGrad, at(g, shape.b2()), n, 1),
                TensorCommand.matmul(t.outputGrad, false, at(p, shape.w2()), true, t.hiddenGrad, n, h, 1),
                TensorCommand.binary(Opcode.RELU_GRAD, t.hiddenGrad, t.biasedPreActivation, t.preActivationGrad, n, h),
                TensorCommand.matmul(t.features, true, t.preActivationGrad, false, at(g, shape.w1()), in, h, n),
                TensorCommand.unary(Opcode.SUM_ROWS, t.preActivationGrad, at(g, shape.b1()), n, h));
    }

    /** The update from slot {@code from} to {@code to} with the gradients at {@code grads}. */
    TensorCommand update(long grads, int from, int to) {
        return TensorCommand.axpy(-learningRate, grads, t.params(from), t.params(to), 1, shape.count());
    }

    /**
     * The sum of the {@code chips} gradient vectors at {@link DeviceLayout#peerGrads}, into
     * {@link DeviceLayout#reducedGrads}, always in chip order: every chip adds the same values in the same
     * order, so every chip holds the same bits.
     */
    List<TensorCommand> reduce(int chips) {
        List<TensorCommand> work = new ArrayList<>();
        work.add(TensorCommand.binary(Opcode.ADD, t.peerGrads(0), t.peerGrads(1), t.reducedGrads, 1, shape.count()));
        for (int i = 2; i < chips; i++) {
            work.add(TensorCommand.binary(Opcode.ADD, t.reducedGrads, t.peerGrads(i), t.reducedGrads, 1, shape.count()));
        }
        return work;
    }
}
