package io.halcyon.consumers.training;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
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
 * deactivating this component.
 */
@Component(service = MlpTraining.class, property = "halcyon.chip=0")
public class MlpTrainingComponent implements MlpTraining, ChipAccess {

    private static final String CHIP_0 = "(halcyon.chip=0)";

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile DmaEngine dma;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile TensorEngine tensor;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile HostMemory hostMemory;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile HbmController hbm;

    /** Every run uses the same HBM region, so runs on this chip take turns. */
    @Override
    public synchronized TrainingResult train(TrainingPlan plan, TrainingListener listener) {
        return new Trainer(this).run(plan, listener);
    }

    /**
     * Lets a run in progress finish before the component goes. An API update stops the bundles that use
     * the API users first, this one while the drivers and the platform still run: a run cut off half-way
     * would be a failed call, a finished one gives the same weights as ever.
     */
    @Deactivate
    synchronized void deactivate() {
        // train() holds this monitor for its whole run: entering the monitor is waiting for that run.
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
