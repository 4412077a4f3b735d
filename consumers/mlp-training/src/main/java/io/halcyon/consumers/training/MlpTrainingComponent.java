package io.halcyon.consumers.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * The training workload of chip 0 as a service. The references are dynamic and greedy, and the run
 * asks for the current service at every call ({@link ChipAccess}): a driver replaced on a running
 * host, or a stable service the runtime puts in front of the drivers, is taken up mid-run without
 * deactivating this component. Immediate, so its life is its bundle's: it is deactivated when its
 * bundle stops (an API update stops the bundles that use the API users first), not when its last user
 * lets go of it.
 */
@Component(service = MlpTraining.class, property = "halcyon.chip=0", immediate = true)
public class MlpTrainingComponent implements MlpTraining, ChipAccess {

    private static final String CHIP_0 = "(halcyon.chip=0)";

    /** Held by the run in progress: runs take turns, and deactivation waits for the one in progress. */
    private final ReentrantLock run = new ReentrantLock();

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile DmaEngine dma;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile TensorEngine tensor;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile HostMemory hostMemory;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile HbmController hbm;

    /**
     * Watchers of every run on this chip (the whiteboard pattern): {@link TrainingListener} services with
     * {@code halcyon.chip=0}, e.g. the web console's loss chart, told each step after the caller's own
     * listener. A watcher that throws is left out of the rest of that run, never fails it.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE, target = CHIP_0)
    private final List<TrainingListener> watchers = new CopyOnWriteArrayList<>();

    /** Every run uses the same HBM region, so runs on this chip take turns. */
    @Override
    public TrainingResult train(TrainingPlan plan, TrainingListener listener) {
        run.lock();
        try {
            List<TrainingListener> watching = new CopyOnWriteArrayList<>(watchers);
            return new Trainer(this).run(plan, (step, steps, loss) -> {
                listener.progress(step, steps, loss);
                for (TrainingListener w : watching) {
                    try {
                        w.progress(step, steps, loss);
                    } catch (RuntimeException e) {
                        watching.remove(w);
                    }
                }
            });
        } finally {
            run.unlock();
        }
    }

    /**
     * Lets a run in progress finish before the component goes. An API update stops the bundles that use
     * the API users first, this one while the drivers and the platform still run: a run cut off half-way
     * would be a failed call, a finished one gives the same weights as ever. An explicit lock, held by
     * every run: deactivation takes it once, which is waiting for the run that holds it.
     */
    @Deactivate
    void deactivate() {
        run.lock();
        run.unlock();
    }

    @Override
    public DmaEngine dma() {
        return dma;
    }

    @Override
    public TensorEngine tensor() {
        return tensor;
    }

    @Override
    public HostMemory hostMemory() {
        return hostMemory;
    }

    @Override
    public HbmController hbm() {
        return hbm;
    }
}
