package io.halcyon.consumers.training;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.halcyon.consumers.training.api.ParallelTrainingResult;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.tensor.TensorCommand;

/**
 * One data-parallel run over several chips. Each chip holds a contiguous shard of the dataset (the first
 * chips one row more when the rows do not divide evenly) and a full copy of the weights. A step is two
 * phases, each run on every chip at once (a thread per chip):
 * <ol>
 * <li>forward, loss and backward pass on the chip's shard; its DMA engine copies the shard's loss and
 * gradients to host memory;
 * <li>the host copies every chip's gradients into every chip's staging buffer (the chips' host buffers
 * are apart: each emulated chip models its own host address space, and a real chip reads only buffers
 * mapped for it), each chip's DMA engine brings all of them into its HBM, its tensor engine sums them in
 * chip order and applies the update.
 * </ol>
 * Every chip adds the same values in the same order, so the weights stay bit-identical across chips
 * (checked at the end) and across runs. On one chip there is nothing to reduce: the update reads the
 * chip's own gradients, the same commands as {@link Trainer}, hence the same weights.
 */
final class DataParallelTrainer {

    /** Apart from {@link Trainer}'s region at 0, so that a single-chip run meanwhile does not collide. */
    static final long HBM_BASE = 64L << 20;

    private final List<Integer> chips;
    private final Function<Integer, ChipAccess> access;
    private final long hbmBase;

    /**
     * @param chips the chips in reduction order
     * @param access a chip's services, asked for at every use (a driver replaced meanwhile is taken up)
     * @param hbmBase where the run's tensors start in every chip's HBM
     */
    DataParallelTrainer(List<Integer> chips, Function<Integer, ChipAccess> access, long hbmBase) {
        this.chips = List.copyOf(chips);
        this.access = access;
        this.hbmBase = hbmBase;
    }

    ParallelTrainingResult run(TrainingPlan plan, TrainingListener listener) {
        if (chips.size() > plan.samples()) {
            throw new IllegalArgumentException(chips.size() + " chips for " + plan.samples() + " samples: a chip would have none");
        }
        List<Replica> replicas = new ArrayList<>();
        SyntheticDataset data = SyntheticDataset.generate(plan);
        int first = 0;
        for (int i = 0; i < chips.size(); i++) {
            int rows = plan.samples() / chips.size() + (i < plan.samples() % chips.size() ? 1 : 0);
            replicas.add(new Replica(chips.get(i), i, first, rows));
            first += rows;
        }
        ExecutorService workers = Executors.newFixedThreadPool(chips.size(), r -> {
            Thread t = new Thread(r, "halcyon-data-parallel");
            t.setDaemon(true);
            return t;
        });
        try {
            long wallStart = System.nanoTime();
            everyChip(workers, replicas, -1, r -> r.start(plan, data));
            List<Double> losses = new ArrayList<>(plan.steps() + 1);
            long allReduceNanos = 0;
            int slot = 0;
            for (int step = 0; step <= plan.steps(); step++) {
                boolean last = step == plan.steps();
                final int s = step;
                final int from = slot;
                List<Float> shardLosses = everyChip(workers, replicas, step, r -> r.forwardAndBackward(s, from, last));
                float sum = 0;
                for (float l : shardLosses) {
                    sum += l; // in chip order: the same float sum every run
                }
                double loss = sum / plan.samples();
                losses.add(loss);
                listener.progress(step, plan.steps(), loss);
                if (!last) {
                    long exchange = System.nanoTime();
                    exchangeGradients(replicas);
                    long exchanged = System.nanoTime() - exchange;
                    List<Long> reduceNanos = everyChip(workers, replicas, step, r -> r.reduceAndUpdate(from));
                    allReduceNanos += exchanged + reduceNanos.stream().mapToLong(Long::longValue).max().orElse(0)
                            + replicas.stream().mapToLong(r -> r.lastGatherNanos).max().orElse(0);
                }
                slot = 1 - slot;
            }
            final int finalSlot = 1 - slot; // the last pass only evaluated: the final weights are in the slot it read
            List<String> checksums = everyChip(workers, replicas, plan.steps(), r -> r.weights(finalSlot));
            for (int i = 1; i < checksums.size(); i++) {
                if (!checksums.get(i).equals(checksums.get(0))) {
                    throw new IllegalStateException("chip " + chips.get(i) + " ended with other weights than chip " + chips.get(0)
                            + " (sha-256 " + checksums.get(i) + " vs " + checksums.get(0) + ")");
                }
            }
            double wallMillis = (System.nanoTime() - wallStart) / 1e6;
            List<ParallelTrainingResult.ChipShare> shares = new ArrayList<>();
            long cycles = 0;
            long commands = 0;
            long allReduceBytes = 0;
            for (Replica r : replicas) {
                shares.add(new ParallelTrainingResult.ChipShare(r.chip, r.rows, plan.steps(), r.dmaBytes, r.cycles, r.checksum));
                cycles += r.cycles;
                commands += r.commands;
                allReduceBytes += r.allReduceBytes;
            }
            TrainingResult whole = new TrainingResult(plan, losses, plan.targetRatio() * losses.get(0), checksums.get(0),
                    wallMillis, cycles, commands);
            return new ParallelTrainingResult(whole, shares, allReduceNanos / 1e6, allReduceBytes);
        } finally {
            workers.shutdownNow();
            replicas.forEach(Replica::close);
        }
    }

    /** The host's part of the all-reduce: every chip's gradients into every chip's staging buffer, in chip order. */
    private static void exchangeGradients(List<Replica> replicas) {
        if (replicas.size() == 1) {
            return;
        }
        for (Replica to : replicas) {
            ByteBuffer in = to.gradIn.contents();
            for (Replica from : replicas) {
                ByteBuffer out = from.gradOut.contents();
                out.limit(from.paramBytes);
                in.position(from.index * from.paramBytes);
                in.put(out);
            }
        }
    }

    /** A task on every chip at once; their results in chip order, or the first failure in chip order, naming the chip. */
    private <T> List<T> everyChip(ExecutorService workers, List<Replica> replicas, int step, ChipTask<T> task) {
        List<Future<T>> running = new ArrayList<>();
        for (Replica r : replicas) {
            running.add(workers.submit(() -> task.run(r)));
        }
        List<T> results = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < running.size(); i++) {
            try {
                results.add(running.get(i).get()); // each chip's calls are bounded in device time, so this returns
            } catch (ExecutionException e) {
                if (failure == null) {
                    Throwable cause = e.getCause();
                    failure = new IllegalStateException("chip " + replicas.get(i).chip + (step < 0 ? " at the start" : " at step " + step)
                            + " of data-parallel training: " + cause.getMessage(), cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("data-parallel training interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    @FunctionalInterface
    private interface ChipTask<T> {
        T run(Replica replica) throws Exception;
    }

    /** One chip's state for the run: its shard, layout, program and host buffers. */
    private final class Replica {
        final int chip;
        /** Place in the reduction order. */
        final int index;
        final int firstRow;
        final int rows;
        DeviceLayout layout;
        MlpProgram program;
        int paramBytes;
        HostBuffer upload;
        HostBuffer lossOut;
        HostBuffer gradOut;
        HostBuffer gradIn;
        HostBuffer weightsOut;
        long cyclesStart;
        long cycles;
        long commands;
        long dmaBytes;
        long allReduceBytes;
        long lastGatherNanos;
        String checksum;

        Replica(int chip, int index, int firstRow, int rows) {
            this.chip = chip;
            this.index = index;
            this.firstRow = firstRow;
            this.rows = rows;
        }

        ChipAccess services() {
            return access.apply(chip);
        }

        Void start(TrainingPlan plan, SyntheticDataset data) {
            ChipAccess c = services();
            HbmState hbm = c.hbm().state();
            if (hbm != HbmState.READY) {
                throw new IllegalStateException("training needs a chip that is brought up: HBM is " + hbm + " (run hal:bringup --chip " + chip + ")");
            }
            layout = new DeviceLayout(plan, rows, chips.size(), hbmBase, c.hbm().sizeBytes());
            program = new MlpProgram(plan, rows, layout);
            paramBytes = 4 * layout.shape.count();
            int featureBytes = 4 * rows * plan.inputs();
            int targetBytes = 4 * rows;
            upload = c.hostMemory().allocate(featureBytes + targetBytes + paramBytes);
            lossOut = c.hostMemory().allocate(4 * (plan.steps() + 1));
            gradOut = c.hostMemory().allocate(paramBytes);
            gradIn = c.hostMemory().allocate(chips.size() * paramBytes);
            weightsOut = c.hostMemory().allocate(paramBytes);
            float[] initial = InitialWeights.generate(plan, layout.shape);
            upload.contents().asFloatBuffer()
                    .put(data.features(), firstRow * plan.inputs(), rows * plan.inputs())
                    .put(data.targets(), firstRow, rows)
                    .put(initial);
            long host = upload.busAddress();
            copy(DmaDescriptor.toDevice(host, layout.features, featureBytes),
                    DmaDescriptor.toDevice(host + featureBytes, layout.targets, targetBytes),
                    DmaDescriptor.toDevice(host + featureBytes + targetBytes, layout.params(0), paramBytes));
            cyclesStart = c.tensor().busyCycles();
            return null;
        }

        /** Forward pass and loss from {@code slot}, and unless {@code last} the backward pass; the shard's loss sum. */
        float forwardAndBackward(int step, int slot, boolean last) {
            var work = new ArrayList<>(program.forwardAndLoss(slot));
            if (!last) {
                work.addAll(program.backward(slot));
            }
            run(work);
            copy(DmaDescriptor.toHost(layout.sumSquaredError, lossOut.busAddress() + 4L * step, 4));
            if (!last && chips.size() > 1) {
                long gather = System.nanoTime();
                copy(DmaDescriptor.toHost(layout.grads, gradOut.busAddress(), paramBytes));
                allReduceBytes += paramBytes;
                lastGatherNanos = System.nanoTime() - gather;
            }
            return lossOut.contents().getFloat(4 * step);
        }

        /** Brings every chip's gradients in, sums them and updates from {@code slot}; the nanoseconds the reduction took. */
        long reduceAndUpdate(int slot) {
            long start = System.nanoTime();
            long reduced = layout.grads;
            var work = new ArrayList<TensorCommand>();
            if (chips.size() > 1) {
                copy(DmaDescriptor.toDevice(gradIn.busAddress(), layout.peerGrads, chips.size() * paramBytes));
                allReduceBytes += (long) chips.size() * paramBytes;
                work.addAll(program.reduce(chips.size()));
                reduced = layout.reducedGrads;
            }
            long reduceNanos = 0;
            if (!work.isEmpty()) {
                run(work);
                reduceNanos = System.nanoTime() - start;
            }
            run(List.of(program.update(reduced, slot, 1 - slot)));
            return reduceNanos;
        }

        String weights(int slot) {
            copy(DmaDescriptor.toHost(layout.params(slot), weightsOut.busAddress(), paramBytes));
            cycles = services().tensor().busyCycles() - cyclesStart;
            ByteBuffer weights = weightsOut.contents();
            weights.limit(paramBytes); // the buffer is rounded up to whole pages
            checksum = Trainer.sha256(weights);
            return checksum;
        }

        private void run(List<TensorCommand> work) {
            ChipAccess c = services();
            c.tensor().await(c.tensor().submit(work, Trainer.STEP_BOUND), Trainer.STEP_BOUND);
            commands += work.size();
        }

        private void copy(DmaDescriptor... descriptors) {
            Trainer.copy(services(), descriptors);
            for (DmaDescriptor d : descriptors) {
                dmaBytes += d.length();
            }
        }

        void close() {
            for (HostBuffer b : new HostBuffer[] {upload, lossOut, gradOut, gradIn, weightsOut}) {
                if (b != null) {
                    try {
                        b.close();
                    } catch (RuntimeException chipGone) {
                        // a chip that vanished takes its buffers with it
                    }
                }
            }
        }
    }
}
