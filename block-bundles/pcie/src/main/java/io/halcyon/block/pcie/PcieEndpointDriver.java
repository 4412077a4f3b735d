package io.halcyon.block.pcie;

import io.halcyon.block.pcie.regs.PcieConfig;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.pcie.regs.ErrStatus;
import io.halcyon.block.pcie.regs.LinkCtrl;
import io.halcyon.block.pcie.regs.LtssmE;
import io.halcyon.block.pcie.regs.Pcie;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.pcie.LinkState;
import io.halcyon.hal.api.pcie.LinkStatus;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.pcie.PcieError;

/**
 * Stateless driver of the PCIe endpoint: link state and sticky errors are read from the hardware on
 * every call, so a new version of this bundle can replace a running one without retraining the link.
 */
@Component(configurationPid = PcieConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PcieConfig.class, factory = true)
public class PcieEndpointDriver implements PcieEndpoint {

    private final RegisterBus bus;
    private final long base;

    @Activate
    public PcieEndpointDriver(@Reference(name = "bus") RegisterBus bus, PcieConfig config) {
        this.bus = bus;
        this.base = config.base_address();
    }

    /**
     * The block's registers, made on use from the bus and base held here: the JIT removes the accessor,
     * so an access costs what hand-written mask-and-shift code costs (a held accessor adds a dependent load).
     */
    private Pcie regs() {
        return new Pcie(bus, base);
    }

    @Override
    public LinkStatus status() {
        return decode(regs().linkStatus().read());
    }

    @Override
    public void train(int targetGeneration) {
        if (targetGeneration < 1 || targetGeneration > 5) {
            throw new IllegalArgumentException("pcie.LINK_CTRL.TARGET_SPEED: generation " + targetGeneration
                    + " is out of range 1..5");
        }
        // TARGET_SPEED and the single-pulse TRAIN are the whole register: one write sets the target
        // and starts training, so training never starts towards a stale target.
        regs().linkCtrl().write(LinkCtrl.RESET.withTargetSpeed(targetGeneration).withTrain(true));
    }

    @Override
    public LinkStatus awaitLinkUp(Duration bound) {
        int up = io.halcyon.block.pcie.regs.LinkStatus.LINK_UP_MASK;
        WaitResult result = bus.await(regs().linkStatus().address(), up, up, bound);
        io.halcyon.block.pcie.regs.LinkStatus seen = io.halcyon.block.pcie.regs.LinkStatus.fromBits(result.lastValue());
        if (!result.met()) {
            throw new WaitTimeoutException("pcie.LINK_STATUS", "LINK_UP == 1 (LTSSM_STATE seen: " + stateName(seen) + ")",
                    result);
        }
        return decode(seen);
    }

    @Override
    public Set<PcieError> errors() {
        ErrStatus status = regs().errStatus().read();
        Set<PcieError> errors = EnumSet.noneOf(PcieError.class);
        for (PcieError error : PcieError.values()) {
            if ((status.bits() & bit(error)) != 0) {
                errors.add(error);
            }
        }
        return errors;
    }

    @Override
    public void clearErrors(Set<PcieError> errors) {
        int mask = 0;
        for (PcieError error : errors) {
            mask |= bit(Objects.requireNonNull(error, "error"));
        }
        if (mask != 0) {
            // Write 1 to clear, and only the named bits: no read, so an error logged since the caller
            // looked is never cleared unseen.
            regs().errStatus().write(ErrStatus.fromBits(mask));
        }
    }

    static int bit(PcieError error) {
        return switch (error) {
            case CORRECTABLE -> ErrStatus.CORRECTABLE_MASK;
            case UNCORRECTABLE -> ErrStatus.UNCORRECTABLE_MASK;
            case LINK_DOWN -> ErrStatus.LINK_DOWN_MASK;
        };
    }

    private static LinkStatus decode(io.halcyon.block.pcie.regs.LinkStatus raw) {
        return new LinkStatus(state(raw), raw.linkUp(), raw.speed(), raw.width());
    }

    private static LinkState state(io.halcyon.block.pcie.regs.LinkStatus raw) {
        LtssmE state = raw.ltssmState();
        if (state == null) {
            throw new IllegalStateException(String.format("pcie.LINK_STATUS.LTSSM_STATE: undefined state %d (LINK_STATUS=0x%08x)",
                    raw.ltssmStateBits(), raw.bits()));
        }
        return LinkState.valueOf(state.name());
    }

    private static String stateName(io.halcyon.block.pcie.regs.LinkStatus raw) {
        LtssmE state = raw.ltssmState();
        return state == null ? "undefined " + raw.ltssmStateBits() : state.name();
    }
}
