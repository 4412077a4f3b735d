package io.halcyon.launcher.shell;

import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.otp.Fuses;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * {@code hal:chips}, and {@code hal:bringup} and {@code hal:chip} for one chip ({@code --chip N}, default 0).
 * The references are optional so the commands exist even when a driver is missing, and say which one.
 */
@Component(service = Object.class, property = {"osgi.command.scope=hal", "osgi.command.function=bringup", "osgi.command.function=chip",
        "osgi.command.function=chips"})
public class ChipCommands {

    @Reference(service = PlatformInfo.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, PlatformInfo>> platforms;

    @Reference(service = BringUp.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, BringUp>> bringUp;

    @Reference(service = SystemControl.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, SystemControl>> sysctrl;

    @Reference(service = Fuses.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, Fuses>> fuses;

    @Reference(service = ClockReset.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, ClockReset>> clkrst;

    @Reference(service = PcieEndpoint.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, PcieEndpoint>> pcie;

    @Reference(service = HbmController.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, HbmController>> hbm;

    @Reference(service = DmaEngine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, DmaEngine>> dma;

    @Reference(service = InterruptController.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, InterruptController>> intc;

    @Reference(service = TensorEngine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, TensorEngine>> tensor;

    @Reference(service = Telemetry.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, Telemetry>> telemetry;

    @Descriptor("list the host's chips: identity, chip map, generation, platform and state (reads only)")
    public String chips() {
        TextTable t = new TextTable("CHIP", "IDENTITY", "CHIP MAP", "GENERATION", "PLATFORM", "STATE");
        List<Map.Entry<Map<String, Object>, PlatformInfo>> all = platforms == null ? List.of() : platforms;
        for (int chip : PerChip.chipsOf(all)) {
            Map<String, Object> p = all.stream().filter(e -> String.valueOf(chip).equals(String.valueOf(e.getKey().get(ChipProperties.CHIP))))
                    .findFirst().map(Map.Entry::getKey).orElse(Map.of());
            t.row(String.valueOf(chip), identity(chip), String.valueOf(p.get(ChipProperties.CHIP_MAP)),
                    String.valueOf(p.get(ChipProperties.GENERATION)), String.valueOf(p.get(ChipProperties.PLATFORM)), state(chip));
        }
        return t.toString();
    }

    private String identity(int chip) {
        try {
            return PerChip.pick(sysctrl, chip).map(s -> s.identity().toString()).orElse("(no system-control driver)");
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** ready (brought up), down (not brought up, or lost it), no drivers, or unreachable (its bus fails). */
    private String state(int chip) {
        BringUp b = PerChip.pick(bringUp, chip).orElse(null);
        if (b == null) {
            return "no bring-up (drivers missing)";
        }
        try {
            return b.ready() ? "ready" : "not brought up";
        } catch (RuntimeException e) {
            return "unreachable: " + e.getMessage();
        }
    }

    @Descriptor("bring a chip up from whatever state it is in (steps already done are skipped) and show the timeline")
    public String bringup(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip) {
        BringUpReport report = PerChip.require(bringUp, chip, chipNumbers(), "bring-up service").bringUp();
        return BringUpView.table(report) + BringUpView.totals(report);
    }

    @Descriptor("show the state of a chip, one line per block; reads only, never a register whose read has side effects")
    public String chip(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip) {
        PerChip.requireChip(chip, chipNumbers());
        return new ChipStateView()
                .block("sysctrl", on(sysctrl, chip), ChipStateView::sysctrl)
                .block("clkrst", on(clkrst, chip), ChipStateView::clkrst)
                .block("pcie", on(pcie, chip), ChipStateView::pcie)
                .block("hbm", on(hbm, chip), ChipStateView::hbm)
                .block("dma", on(dma, chip), ChipStateView::dma)
                .block("intc", on(intc, chip), ChipStateView::intc)
                .block("tensor", on(tensor, chip), ChipStateView::tensor)
                .block("telemetry", on(telemetry, chip), ChipStateView::telemetry)
                .block("otp", on(fuses, chip), f -> f.contents().summary())
                .toString();
    }

    private List<Integer> chipNumbers() {
        return PerChip.chipsOf(platforms);
    }

    private static <T> T on(List<Map.Entry<Map<String, Object>, T>> services, int chip) {
        return PerChip.pick(services, chip).orElse(null);
    }
}
