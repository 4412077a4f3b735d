package io.halcyon.consumers.bringup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bringup.BringUpListener;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.otp.Fuses;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * Bring-up of one chip through the block contracts, made once per chip from the configuration
 * {@link BringUpConfigurations} publishes for it (every reference's target names that chip; the service
 * carries its {@code halcyon.chip}). Holds no chip state: each call builds its steps
 * over the services bound at that moment, and every step reads the hardware before it acts.
 *
 * <p>The references are dynamic and greedy so that a block driver replaced on a running host (or a
 * stable service the runtime puts in front of it) is taken up between two calls without this
 * component being deactivated.
 */
@Component(configurationPid = ChipBringUp.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ChipBringUp implements BringUp {

    /** Factory PID of the per-chip configurations. */
    static final String PID = "io.halcyon.consumers.bringup.chip";

    /** Overridden per chip by the configuration's {@code <reference>.target}; chip 0 until configured. */
    private static final String CHIP_0 = "(halcyon.chip=0)";

    /** The references below that select their chip's service by {@code halcyon.chip} alone. */
    static final List<String> CHIP_REFERENCES = List.of("bus", "platform", "sysctrl", "fuses", "clkrst", "pcie", "hbm",
            "dma", "intc", "tensor", "telemetry", "listeners");

    /** The reference that selects the chip's DMA register description, by chip and block. */
    static final String DMA_REGISTERS = "dmaRegisters";

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile RegisterBus bus;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile PlatformInfo platform;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile SystemControl sysctrl;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile Fuses fuses;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile ClockReset clkrst;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile PcieEndpoint pcie;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile HbmController hbm;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile DmaEngine dma;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(&" + CHIP_0 + "(" + HardwareBlock.BLOCK + "=dma))")
    private volatile HardwareBlock dmaRegisters;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile InterruptController intc;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile TensorEngine tensor;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = CHIP_0)
    private volatile Telemetry telemetry;

    /**
     * Watchers of every bring-up of this chip (the whiteboard pattern): {@link BringUpListener} services
     * with this chip's {@code halcyon.chip}, e.g. the web console's timeline, told each step as it ends.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE, target = CHIP_0)
    private final List<BringUpListener> listeners = new CopyOnWriteArrayList<>();

    /** Two bring-ups of one chip at once would interleave their writes. */
    @Override
    public synchronized BringUpReport bringUp() {
        return chip().sequence().run(new Watchers(listeners));
    }

    @Override
    public boolean ready() {
        return chip().sequence().endStateHolds();
    }

    private ReferenceChip chip() {
        return new ReferenceChip(bus, platform, sysctrl, fuses, clkrst, pcie, hbm, dma, dmaRegisters, intc, tensor, telemetry);
    }
}
