package io.halcyon.consumers.training;

import io.halcyon.consumers.training.api.TrainingPlan;

/**
 * HBM addresses of every tensor a run uses, fixed before the run starts. Parameters live in two
 * slots that the steps alternate between (each update reads one slot and writes the other), so no
 * command ever reads and writes the same tensor.
 */
final class DeviceLayout {

    /** Tensors start on 256-byte boundaries, a burst of the HBM interface. */
    static final int ALIGNMENT = 256;

    final ModelShape shape;
    final long features;
    final long targets;
    private final long[] params = new long[2];
    final long preActivation;
    final long biasedPreActivation;
    final long hiddenOut;
    final long output;
    final long prediction;
    final long error;
    final long squaredError;
    final long sumSquaredError;
    final long outputGrad;
    final long grads;
    final long hiddenGrad;
    final long preActivationGrad;
    /** Data-parallel runs: the gradients of every chip of the run, in reduction order (none on one chip). */
    final long peerGrads;
    /** Data-parallel runs: their sum, which the update applies (the chip's own gradients on one chip). */
    final long reducedGrads;
    /** One past the last byte used. */
    final long end;

    private long next;

    DeviceLayout(TrainingPlan plan, long base, long hbmBytes) {
        this(plan, plan.samples(), 1, base, hbmBytes);
    }

    /**
     * The layout of one chip of a data-parallel run over {@code chips} chips, holding {@code rows} samples
     * (its shard) and room for every chip's gradients.
     */
    DeviceLayout(TrainingPlan plan, int rows, int chips, long base, long hbmBytes) {
        int n = rows;
        int h = plan.hidden();
        shape = new ModelShape(plan.inputs(), h);
        next = base;
        features = take(n * plan.inputs());
        targets = take(n);
        params[0] = take(shape.count());
        params[1] = take(shape.count());
        preActivation = take(n * h);
        biasedPreActivation = take(n * h);
        hiddenOut = take(n * h);
        output = take(n);
        prediction = take(n);
        error = take(n);
        squaredError = take(n);
        sumSquaredError = take(1);
        outputGrad = take(n);
        grads = take(shape.count());
        hiddenGrad = take(n * h);
        preActivationGrad = take(n * h);
        peerGrads = chips > 1 ? take(chips * shape.count()) : grads;
        reducedGrads = chips > 1 ? take(shape.count()) : grads;
        end = next;
        if (end > hbmBytes) {
            throw new IllegalStateException(String.format("training plan needs %d bytes of HBM from 0x%x, the chip has %d", end - base, base, hbmBytes));
        }
    }

    /** The parameter vector of {@code slot} (0 or 1). */
    long params(int slot) {
        return params[slot];
    }

    /** The gradients of the {@code index}th chip of the run among {@link #peerGrads}. */
    long peerGrads(int index) {
        return peerGrads + 4L * shape.count() * index;
    }

    /** Address of the parameter at {@code index} within the packed vector at {@code vector}. */
    static long at(long vector, int index) {
        return vector + 4L * index;
    }

    private long take(int floats) {
        long address = next;
        next += (4L * floats + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        return address;
    }
}
