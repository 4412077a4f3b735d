package io.halcyon.block.pcie;

import java.time.Duration;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.pcie.regs.ErrStatus;
import io.halcyon.block.pcie.regs.LinkCtrl;
import io.halcyon.block.pcie.regs.LinkStatusRegister;
import io.halcyon.block.pcie.regs.LtssmE;
import io.halcyon.block.pcie.regs.Pcie;
import io.halcyon.block.pcie.regs.PcieConfig;
import io.halcyon.block.pcie.regs.PcieDriverBase;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.register.EnumFields;
import io.halcyon.hal.api.register.FieldCondition;
import io.halcyon.hal.api.pcie.LinkState;
import io.halcyon.hal.api.pcie.LinkStatus;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.pcie.PcieError;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.pcie.regs.PcieMap;

/**
 * Stateless driver of the PCIe endpoint: link state and sticky errors are read from the hardware on
 * every call, so a new version of this bundle can replace a running one without retraining the link.
 */
@ServesGenerations(block = PcieMap.BLOCK, value = {1, 2})
@Component(configurationPid = PcieConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PcieConfig.class, factory = true)
public class PcieEndpointDriver extends PcieDriverBase implements PcieEndpoint {

    /** The contract's error kinds are ERR_STATUS' one-bit fields of the same names. */
    static final EnumFields<PcieError, ErrStatus> ERRORS = EnumFields.match(PcieError.class, ErrStatus.FIELDS);

    @Activate
    public PcieEndpointDriver(@Reference(name = "bus") RegisterBus bus, PcieConfig config) {
        super(bus, config);
    }

    @Override
    public LinkStatus status() {
        LinkStatusRegister register = regs().linkStatus();
        return decode(register, register.read());
    }

    @Override
    public void train(int targetGeneration) {
        if (targetGeneration < 1 || targetGeneration > 5) {
            throw new IllegalArgumentException(regs().linkCtrl().path(LinkCtrl.TARGET_SPEED_FIELD) + ": generation "
                    + targetGeneration + " is out of range 1..5");
        }
        // TARGET_SPEED and the single-pulse TRAIN are the whole register: one write sets the target
        // and starts training, so training never starts towards a stale target.
        regs().linkCtrl().write(LinkCtrl.RESET.withTargetSpeed(targetGeneration).withTrain(true));
    }

    @Override
    public LinkStatus awaitLinkUp(Duration bound) {
        LinkStatusRegister register = regs().linkStatus();
        FieldCondition<io.halcyon.block.pcie.regs.LinkStatus> up = io.halcyon.block.pcie.regs.LinkStatus.LINK_UP_FIELD.is(1);
        WaitResult result = register.await(up, bound);
        io.halcyon.block.pcie.regs.LinkStatus seen = register.fromBits(result.lastValue());
        if (!result.met()) {
            throw new WaitTimeoutException(register.path(), up + " (LTSSM_STATE seen: " + stateName(seen) + ")", result);
        }
        return decode(register, seen);
    }

    @Override
    public Set<PcieError> errors() {
        return ERRORS.decode(regs().errStatus().read().rawBits());
    }

    @Override
    public void clearErrors(Set<PcieError> errors) {
        int mask = (int) ERRORS.bits(errors);
        if (mask != 0) {
            // Write 1 to clear, and only the named bits: no read, so an error logged since the caller
            // looked is never cleared unseen.
            regs().errStatus().write(ErrStatus.fromBits(mask));
        }
    }

    private static LinkStatus decode(LinkStatusRegister register, io.halcyon.block.pcie.regs.LinkStatus raw) {
        return new LinkStatus(state(register, raw), raw.linkUp(), raw.speed(), raw.width());
    }

    private static LinkState state(LinkStatusRegister register, io.halcyon.block.pcie.regs.LinkStatus raw) {
        LtssmE state = raw.ltssmState();
        if (state == null) {
            throw new IllegalStateException(String.format("%s: undefined state %d (%s=0x%08x)",
                    register.path(io.halcyon.block.pcie.regs.LinkStatus.LTSSM_STATE_FIELD.field()), raw.ltssmStateBits(),
                    register.path(), raw.bits()));
        }
        return LinkState.valueOf(state.name());
    }

    private static String stateName(io.halcyon.block.pcie.regs.LinkStatus raw) {
        LtssmE state = raw.ltssmState();
        return state == null ? "undefined " + raw.ltssmStateBits() : state.name();
    }
}
