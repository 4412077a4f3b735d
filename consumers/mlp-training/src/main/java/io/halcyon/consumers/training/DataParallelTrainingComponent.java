package io.halcyon.consumers.training;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.halcyon.consumers.training.api.DataParallelTraining;
import io.halcyon.consumers.training.api.ParallelTrainingResult;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * Data-parallel training over the host's chips as a service. It sees every chip's DMA, tensor, HBM and
 * host-memory services (dynamic, greedy, multiple) and picks a chip's service at every call, so a
 * driver replaced on a running host is taken up mid-run, chip by chip, as {@link MlpTrainingComponent}
 * does for chip 0. Immediate, so its life is its bundle's.
 */
@Component(service = DataParallelTraining.class, immediate = true)
public class DataParallelTrainingComponent implements DataParallelTraining {

    /** org.osgi.framework.Constants.SERVICE_RANKING; this bundle needs nothing else of the framework API. */
    private static final String SERVICE_RANKING = "service.ranking";

    /** Held by the run in progress: runs take turns, and deactivation waits for the one in progress. */
    private final ReentrantLock run = new ReentrantLock();

    @Reference(service = DmaEngine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, DmaEngine>> dma;

    @Reference(service = TensorEngine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, TensorEngine>> tensor;

    @Reference(service = HostMemory.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, HostMemory>> hostMemory;

    @Reference(service = HbmController.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, HbmController>> hbm;

    @Override
    public List<Integer> chips() {
        Set<Integer> all = new TreeSet<>(chipsOf(dma));
        all.retainAll(chipsOf(tensor));
        all.retainAll(chipsOf(hostMemory));
        all.retainAll(chipsOf(hbm));
        return List.copyOf(all);
    }

    @Override
    public ParallelTrainingResult train(TrainingPlan plan, List<Integer> chips, TrainingListener listener, boolean continueOnChipLoss) {
        if (chips.isEmpty()) {
            throw new IllegalArgumentException("data-parallel training needs at least one chip");
        }
        List<Integer> present = chips();
        Set<Integer> seen = new HashSet<>();
        for (int chip : chips) {
            if (!seen.add(chip)) {
                throw new IllegalArgumentException("chip " + chip + " is named twice");
            }
            if (!present.contains(chip)) {
                throw new IllegalArgumentException("chip " + chip + " does not exist on this host (chips " + present + ")");
            }
        }
        run.lock();
        try {
            return new DataParallelTrainer(chips, this::access, DataParallelTrainer.HBM_BASE, continueOnChipLoss).run(plan, listener);
        } finally {
            run.unlock();
        }
    }

    /** Lets a run in progress finish before the component goes (see {@link MlpTrainingComponent#deactivate}). */
    @Deactivate
    void deactivate() {
        run.lock();
        run.unlock();
    }

    /** Chip {@code chip}'s services, each looked up when asked for. */
    private ChipAccess access(int chip) {
        return new ChipAccess() {
            @Override
            public DmaEngine dma() {
                return onChip(DataParallelTrainingComponent.this.dma, chip, "DMA engine");
            }

            @Override
            public TensorEngine tensor() {
                return onChip(DataParallelTrainingComponent.this.tensor, chip, "tensor engine");
            }

            @Override
            public HostMemory hostMemory() {
                return onChip(DataParallelTrainingComponent.this.hostMemory, chip, "host memory");
            }

            @Override
            public HbmController hbm() {
                return onChip(DataParallelTrainingComponent.this.hbm, chip, "HBM controller");
            }
        };
    }

    /** The chip's service of highest ranking, or a one-line error naming the chip when it has none (it went away). */
    static <T> T onChip(List<Map.Entry<Map<String, Object>, T>> services, int chip, String what) {
        String wanted = String.valueOf(chip);
        Map.Entry<Map<String, Object>, T> best = null;
        for (Map.Entry<Map<String, Object>, T> e : services == null ? List.<Map.Entry<Map<String, Object>, T>>of() : services) {
            if (wanted.equals(String.valueOf(e.getKey().get(ChipProperties.CHIP))) && (best == null || ranking(e) > ranking(best))) {
                best = e;
            }
        }
        if (best == null) {
            throw new IllegalStateException("chip " + chip + " has no " + what + " any more (its platform or driver went away)");
        }
        return best.getValue();
    }

    private static int ranking(Map.Entry<Map<String, Object>, ?> e) {
        return e.getKey().get(SERVICE_RANKING) instanceof Integer r ? r : 0;
    }

    private static <T> Set<Integer> chipsOf(List<Map.Entry<Map<String, Object>, T>> services) {
        Set<Integer> chips = new HashSet<>();
        for (Map.Entry<Map<String, Object>, T> e : services == null ? List.<Map.Entry<Map<String, Object>, T>>of() : services) {
            try {
                chips.add(Integer.parseInt(String.valueOf(e.getKey().get(ChipProperties.CHIP))));
            } catch (NumberFormatException notAChip) {
                // a service without a chip number serves no chip of this run
            }
        }
        return chips;
    }
}
