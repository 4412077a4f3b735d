package io.halcyon.block.hbm;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.hbm.regs.Ctrl;
import io.halcyon.block.hbm.regs.EccCorrected;
import io.halcyon.block.hbm.regs.EccUncorrected;
import io.halcyon.block.hbm.regs.Hbm;
import io.halcyon.block.hbm.regs.HbmConfig;
import io.halcyon.block.hbm.regs.HbmDriverBase;
import io.halcyon.block.hbm.regs.Status;
import io.halcyon.block.hbm.regs.StatusRegister;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.register.FieldCondition;
import io.halcyon.hal.api.register.RegisterBatch;
import io.halcyon.hal.api.hbm.EccCounts;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.hbm.regs.HbmMap;

/**
 * Stateless driver of the HBM controller: the training state is read from STATUS on every call, so a
 * new version of this bundle attaches to trained memory without retraining it. Only
 * {@link #readAndClearEccCounters()} reads the read-to-clear ECC counters.
 */
@ServesGenerations(block = HbmMap.BLOCK, value = {1, 2})
@Component(configurationPid = HbmConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HbmConfig.class, factory = true)
public class HbmControllerDriver extends HbmDriverBase implements HbmController {

    private static final long BYTES_PER_MIB = 1L << 20;

    @Activate
    public HbmControllerDriver(@Reference(name = "bus") RegisterBus bus, HbmConfig config) {
        super(bus, config);
    }

    @Override
    public HbmState state() {
        return state(regs().status().read());
    }

    private static HbmState state(Status status) {
        // TRAINING first: a retraining may leave FAILED or READY from the last run visible meanwhile.
        if (status.training()) {
            return HbmState.TRAINING;
        }
        if (status.failed()) {
            return HbmState.FAILED;
        }
        return status.ready() ? HbmState.READY : HbmState.UNTRAINED;
    }

    @Override
    public void startTraining() {
        regs().ctrl().write(Ctrl.RESET.withInit(true));
    }

    @Override
    public void awaitReady(Duration bound) {
        // Race-free because the INIT write raises TRAINING before it completes: once startTraining
        // has returned, TRAINING == 0 can only mean that this training run is over. Waiting for
        // READY instead would wait out the whole bound on a run that failed.
        StatusRegister register = regs().status();
        FieldCondition<Status> over = Status.TRAINING_FIELD.is(0);
        WaitResult done = register.await(over, bound);
        if (!done.met()) {
            throw new WaitTimeoutException(register.path(), over.toString(), done);
        }
        Status status = Status.fromBits(done.lastValue());
        switch (state(status)) {
            case READY -> { }
            case FAILED -> throw new IllegalStateException(String.format(
                    "%s=0x%08x: HBM training failed (FAILED=1); initialise again", register.path(), status.bits()));
            default -> throw new IllegalStateException(String.format(
                    "%s=0x%08x: HBM is neither trained nor training; call startTraining first", register.path(),
                    status.bits()));
        }
    }

    @Override
    public long sizeBytes() {
        return Integer.toUnsignedLong(regs().size().read().sizeMb()) * BYTES_PER_MIB;
    }

    @Override
    public EccCounts readAndClearEccCounters() {
        // One batch, so the two counts describe the same moment (and each register is read, hence
        // cleared, exactly once).
        Hbm regs = regs();
        RegisterBatch batch = regs.batch();
        RegisterBatch.Reading<EccCorrected> corrected = batch.add(regs.eccCorrected());
        RegisterBatch.Reading<EccUncorrected> uncorrected = batch.add(regs.eccUncorrected());
        batch.read();
        return new EccCounts(Integer.toUnsignedLong(corrected.value().count()),
                Integer.toUnsignedLong(uncorrected.value().count()));
    }
}
