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
    private final boolean continueOnChipLoss;

    /**
     * @param chips the chips in reduction order
     * @param access a chip's services, asked for at every use (a driver replaced meanwhile is taken up)
     * @param hbmBase where the run's tensors start in every chip's HBM
     * @param continueOnChipLoss a chip that fails leaves the run, which goes on on the others; else the run stops
     */
    DataParallelTrainer(List<Integer> chips, Function<Integer, ChipAccess> access, long hbmBase, boolean continueOnChipLoss) {
        this.chips = List.copyOf(chips);
        this.access = access;
        this.hbmBase = hbmBase;
        this.continueOnChipLoss = continueOnChipLoss;
    }

    ParallelTrainingResult run(TrainingPlan plan, TrainingListener listener) {
        if (chips.size() > plan.samples()) {
            throw new IllegalArgumentException(chips.size() + " chips for " + plan.samples() + " samples: a chip would have none");
        }
        SyntheticDataset data = SyntheticDataset.generate(plan);
        float[] initial = InitialWeights.generate(plan, new ModelShape(plan.inputs(), plan.hidden()));
        ExecutorService workers = Executors.newFixedThreadPool(chips.size(), r -> {
            Thread t = new Thread(r, "halcyon-data-parallel");
            t.setDaemon(true);
            return t;
        });
        List<Replica> replicas = shard(plan, chips.stream().map(c -> (Replica) null).toList(), chips);
        List<Replica> lost = new ArrayList<>();
        List<String> lostWhy = new ArrayList<>();
        try {
            long wallStart = System.nanoTime();
            List<Double> losses = new ArrayList<>(plan.steps() + 1);
            long allReduceNanos = 0;
            int slot = 0;
            float[] weights = initial;
            int step = 0;
            boolean started = false;
            while (step <= plan.steps()) {
                boolean last = step == plan.steps();
                final int s = step;
                final int from = slot;
                try {
                    if (!started) {
                        final float[] w = weights;
                        everyChip(workers, replicas, step == 0 ? -1 : step, r -> r.start(plan, data, w, from));
                        started = true;
                    }
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
                } catch (ChipsFailed f) {
                    if (!continueOnChipLoss || f.failed.size() == replicas.size()) {
                        throw f;
                    }
                    // Every chip left still holds the weights before this step (an update writes the other slot):
                    // the step starts again on them, each with a larger share of the samples.
                    List<Replica> survivors = new ArrayList<>();
                    for (int i = 0; i < replicas.size(); i++) {
                        (f.failed.contains(i) ? lost : survivors).add(replicas.get(i));
                    }
                    lostWhy.addAll(f.reasons);
                    weights = survivors.get(0).params(from);
                    for (Replica r : survivors) {
                        r.stepsDone = step; // an update some did in this step is done again
                    }
                    while (losses.size() > step) {
                        losses.remove(losses.size() - 1);
                    }
                    replicas.forEach(Replica::close);
                    replicas = shard(plan, survivors, survivors.stream().map(r -> r.chip).toList());
                    started = false;
                    continue;
                }
                slot = 1 - slot;
                step++;
            }
            final int finalSlot = 1 - slot; // the last pass only evaluated: the final weights are in the slot it read
            List<String> checksums = everyChip(workers, replicas, plan.steps(), r -> r.weights(finalSlot));
            for (int i = 1; i < checksums.size(); i++) {
                if (!checksums.get(i).equals(checksums.get(0))) {
                    throw new IllegalStateException("chip " + replicas.get(i).chip + " ended with other weights than chip "
                            + replicas.get(0).chip + " (sha-256 " + checksums.get(i) + " vs " + checksums.get(0) + ")");
                }
            }
            double wallMillis = (System.nanoTime() - wallStart) / 1e6;
            List<Replica> all = new ArrayList<>(replicas);
            all.addAll(lost);
            all.sort(java.util.Comparator.comparingInt(r -> chips.indexOf(r.chip)));
            List<ParallelTrainingResult.ChipShare> shares = new ArrayList<>();
            long cycles = 0;
            long commands = 0;
            long allReduceBytes = 0;
            for (Replica r : all) {
                shares.add(new ParallelTrainingResult.ChipShare(r.chip, r.rows, r.stepsDone, r.dmaBytes, r.cycles, r.checksum));
                cycles += r.cycles;
                commands += r.commands;
                allReduceBytes += r.allReduceBytes;
            }
            TrainingResult whole = new TrainingResult(plan, losses, plan.targetRatio() * losses.get(0), checksums.get(0),
                    wallMillis, cycles, commands);
            return new ParallelTrainingResult(whole, shares, allReduceNanos / 1e6, allReduceBytes, lostWhy);
        } finally {
            workers.shutdownNow();
            replicas.forEach(Replica::close);
        }
    }

    /**
     * A replica per chip of {@code group}, each with a contiguous shard (the first chips one row more when
     * the rows do not divide evenly), carrying over what {@code before} (same order, null for none) did.
     */
    private List<Replica> shard(TrainingPlan plan, List<Replica> before, List<Integer> group) {
        List<Replica> replicas = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < group.size(); i++) {
            int rows = plan.samples() / group.size() + (i < plan.samples() % group.size() ? 1 : 0);
            replicas.add(new Replica(group.get(i), i, group.size(), first, rows, before.get(i)));
            first += rows;
        }
        return replicas;
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

    /** Chips that failed a task: their places in the group and one line each naming the chip and the step. */
    private static final class ChipsFailed extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        final transient List<Integer> failed;
        final transient List<String> reasons;

        ChipsFailed(List<Integer> failed, List<String> reasons, Throwable first) {
            super(reasons.get(0), first);
            this.failed = failed;
            this.reasons = reasons;
        }
    }

    /** A task on every chip at once; their results in chip order, or every failure, each naming its chip. */
    private <T> List<T> everyChip(ExecutorService workers, List<Replica> replicas, int step, ChipTask<T> task) {
        List<Future<T>> running = new ArrayList<>();
        for (Replica r : replicas) {
            running.add(workers.submit(() -> task.run(r)));
        }
        List<T> results = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Throwable first = null;
        for (int i = 0; i < running.size(); i++) {
            try {
                results.add(running.get(i).get()); // each chip's calls are bounded in device time, so this returns
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failed.add(i);
                reasons.add("chip " + replicas.get(i).chip + (step < 0 ? " at the start" : " at step " + step)
                        + " of data-parallel training: " + cause.getMessage());
                first = first == null ? cause : first;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("data-parallel training interrupted", e);
            }
        }
        if (!failed.isEmpty()) {
            throw new ChipsFailed(failed, reasons, first);
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
        /** Chips in the run (at the moment: fewer after a chip left). */
        final int group;
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
        /** Updates this chip applied. */
        int stepsDone;
        String checksum;

        Replica(int chip, int index, int group, int firstRow, int rows, Replica before) {
            this.chip = chip;
            this.index = index;
            this.group = group;
            this.firstRow = firstRow;
            this.rows = rows;
            if (before != null) {
                cycles = before.cycles + before.cyclesSinceStart();
                commands = before.commands;
                dmaBytes = before.dmaBytes;
                allReduceBytes = before.allReduceBytes;
                stepsDone = before.stepsDone;
            }
        }

        /** Engine cycles since {@link #start}; 0 if the chip does not answer. */
        long cyclesSinceStart() {
            try {
                return layout == null ? 0 : services().tensor().busyCycles() - cyclesStart;
            } catch (RuntimeException gone) {
                return 0;
            }
        }

        /** The weights in {@code slot}, read back by DMA. */
        float[] params(int slot) {
            copy(DmaDescriptor.toHost(layout.params(slot), weightsOut.busAddress(), paramBytes));
            float[] weights = new float[paramBytes / 4];
            weightsOut.contents().asFloatBuffer().get(weights);
            return weights;
        }

        ChipAccess services() {
            return access.apply(chip);
        }

        /** Uploads the shard and {@code weights} (into {@code slot}). */
        Void start(TrainingPlan plan, SyntheticDataset data, float[] weights, int slot) {
            ChipAccess c = services();
            HbmState hbm = c.hbm().state();
            if (hbm != HbmState.READY) {
                throw new IllegalStateException("training needs a chip that is brought up: HBM is " + hbm + " (run hal:bringup --chip " + chip + ")");
            }
            layout = new DeviceLayout(plan, rows, group, hbmBase, c.hbm().sizeBytes());
            program = new MlpProgram(plan, rows, layout);
            paramBytes = 4 * layout.shape.count();
            int featureBytes = 4 * rows * plan.inputs();
            int targetBytes = 4 * rows;
            upload = c.hostMemory().allocate(featureBytes + targetBytes + paramBytes);
            lossOut = c.hostMemory().allocate(4 * (plan.steps() + 1));
            gradOut = c.hostMemory().allocate(paramBytes);
            gradIn = c.hostMemory().allocate(group * paramBytes);
            weightsOut = c.hostMemory().allocate(paramBytes);
            upload.contents().asFloatBuffer()
                    .put(data.features(), firstRow * plan.inputs(), rows * plan.inputs())
                    .put(data.targets(), firstRow, rows)
                    .put(weights);
            long host = upload.busAddress();
            copy(DmaDescriptor.toDevice(host, layout.features, featureBytes),
                    DmaDescriptor.toDevice(host + featureBytes, layout.targets, targetBytes),
                    DmaDescriptor.toDevice(host + featureBytes + targetBytes, layout.params(slot), paramBytes));
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
            if (!last && group > 1) {
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
            if (group > 1) {
                copy(DmaDescriptor.toDevice(gradIn.busAddress(), layout.peerGrads, group * paramBytes));
                allReduceBytes += (long) group * paramBytes;
                work.addAll(program.reduce(group));
                reduced = layout.reducedGrads;
            }
            long reduceNanos = 0;
            if (!work.isEmpty()) {
                run(work);
                reduceNanos = System.nanoTime() - start;
            }
            run(List.of(program.update(reduced, slot, 1 - slot)));
            stepsDone++;
            return reduceNanos;
        }

        String weights(int slot) {
            copy(DmaDescriptor.toHost(layout.params(slot), weightsOut.busAddress(), paramBytes));
            cycles += services().tensor().busyCycles() - cyclesStart;
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
