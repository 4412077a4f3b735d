package io.halcyon.launcher.shell;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.otp.Fuses;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * {@code hal:bringup} and {@code hal:chip} for chip 0. The references are optional so the commands
 * exist even when a driver is missing, and say which one.
 */
@Component(service = Object.class, property = {"osgi.command.scope=hal", "osgi.command.function=bringup", "osgi.command.function=chip"})
public class ChipCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile BringUp bringUp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile SystemControl sysctrl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile Fuses fuses;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile ClockReset clkrst;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile PcieEndpoint pcie;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile HbmController hbm;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile DmaEngine dma;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile InterruptController intc;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile TensorEngine tensor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile Telemetry telemetry;

    @Descriptor("bring chip 0 up from whatever state it is in (steps already done are skipped) and show the timeline")
    public String bringup() {
        BringUpReport report = requireBringUp().bringUp();
        return BringUpView.table(report) + BringUpView.totals(report);
    }

    @Descriptor("show the state of chip 0, one line per block; reads only, never a register whose read has side effects")
    public String chip() {
        return new ChipStateView()
                .block("sysctrl", sysctrl, ChipStateView::sysctrl)
                .block("clkrst", clkrst, ChipStateView::clkrst)
                .block("pcie", pcie, ChipStateView::pcie)
                .block("hbm", hbm, ChipStateView::hbm)
                .block("dma", dma, ChipStateView::dma)
                .block("intc", intc, ChipStateView::intc)
                .block("tensor", tensor, ChipStateView::tensor)
                .block("telemetry", telemetry, ChipStateView::telemetry)
                .block("otp", fuses, f -> f.contents().summary())
                .toString();
    }

    private BringUp requireBringUp() {
        BringUp b = bringUp;
        if (b == null) {
            throw new IllegalStateException("no bring-up service for chip 0 (a block driver or the bring-up bundle is not active; see hal:blocks)");
        }
        return b;
    }
}
