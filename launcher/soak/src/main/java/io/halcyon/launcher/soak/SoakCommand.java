package io.halcyon.launcher.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.sysctrl.ChipIdentity;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.launcher.update.UpdateManager;

/** {@code hal:soak}: live updates under the training workload (proof 1; with --bad, proof 2 as well). */
@Component(service = SoakCommand.class, property = {"osgi.command.scope=hal", "osgi.command.function=soak", "osgi.command.function=updatebench"})
public class SoakCommand {

    private static final String CHIP_0 = "(halcyon.chip=0)";

    private final BundleContext context;
    private final UpdateManager manager;
    private final MlpTraining training;
    private final BringUp bringUp;
    private final SystemControl sysctrl;
    private final HbmController hbm;
    private final TensorEngine tensor;
    private final DmaEngine dma;

    @Activate
    public SoakCommand(BundleContext context, @Reference UpdateManager manager, @Reference(target = CHIP_0) MlpTraining training,
            @Reference(target = CHIP_0) BringUp bringUp, @Reference(target = CHIP_0) SystemControl sysctrl,
            @Reference(target = CHIP_0) HbmController hbm, @Reference(target = CHIP_0) TensorEngine tensor,
            @Reference(target = CHIP_0) DmaEngine dma) {
        this.context = context;
        this.manager = manager;
        this.training = training;
        this.bringUp = bringUp;
        this.sysctrl = sysctrl;
        this.hbm = hbm;
        this.tensor = tensor;
        this.dma = dma;
    }

    @Descriptor("consumer throughput with one DMA bundle update per second against none, and the pause per swap")
    public String updatebench(
            @Descriptor("consumer threads")
            @Parameter(names = "--threads", absentValue = "8") int threads,
            @Descriptor("seconds per phase")
            @Parameter(names = "--seconds", absentValue = "5") int seconds,
            @Descriptor("rounds of one quiet and one updating phase, interleaved so both see the same background load")
            @Parameter(names = "--rounds", absentValue = "3") int rounds) throws Exception {
        if (threads < 1 || seconds < 1 || rounds < 1) {
            throw new IllegalArgumentException("hal:updatebench: --threads, --seconds and --rounds must be at least 1");
        }
        bringUp.bringUp();
        return new UpdateBenchmark(manager, dma, blockBundle("dma")).run(threads, seconds, rounds);
    }

    @Descriptor("train the MLP workload while block bundles are replaced by new versions; compare with an undisturbed run")
    public String soak(
            @Descriptor("how many successful updates to make")
            @Parameter(names = "--updates", absentValue = "50") int updates,
            @Descriptor("the blocks to update, comma-separated")
            @Parameter(names = "--blocks", absentValue = "dma,tensor,hbm") String blockList,
            @Descriptor("also deploy three bad versions (activation throws, fails the health gate, missing import) that must be rolled back")
            @Parameter(names = "--bad", presentValue = "true", absentValue = "false") boolean bad,
            @Descriptor("print one JSON object")
            @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json) throws Exception {
        if (updates < 1) {
            throw new IllegalArgumentException("hal:soak: --updates must be at least 1, was " + updates);
        }
        bringUp.bringUp();
        Map<String, org.osgi.framework.Bundle> blocks = new LinkedHashMap<>();
        for (String name : blockList.split(",")) {
            blocks.put(name.trim(), blockBundle(name.trim()));
        }
        SoakReport report = new SoakRun(manager, training, blocks, probes()).run(updates, bad);
        String out = json ? report.json() : report.text();
        if (report.failedCalls() > 0 || !report.identical() || !report.problems().isEmpty()) {
            throw new IllegalStateException("soak failed: " + (json ? out : out.replace('\n', ' ')));
        }
        return out;
    }

    /** Read-only calls with answers that cannot change during the soak. */
    private List<ProbeCallers.Probe> probes() {
        ChipIdentity identity = sysctrl.identity();
        long size = hbm.sizeBytes();
        List<ProbeCallers.Probe> probes = new ArrayList<>();
        probes.add(() -> {
            if (!sysctrl.identity().equals(identity)) {
                throw new IllegalStateException("sysctrl identity changed");
            }
        });
        probes.add(() -> {
            if (hbm.state() != HbmState.READY || hbm.sizeBytes() != size) {
                throw new IllegalStateException("hbm no longer ready or changed size");
            }
            if (tensor.status().error()) {
                throw new IllegalStateException("tensor engine reports an error");
            }
        });
        return probes;
    }

    private org.osgi.framework.Bundle blockBundle(String name) throws InvalidSyntaxException {
        for (ServiceReference<HardwareBlock> ref : context.getServiceReferences(HardwareBlock.class, "(&" + CHIP_0 + "(halcyon.block=" + name + "))")) {
            return ref.getBundle();
        }
        throw new IllegalArgumentException("hal:soak: no block " + name + " on chip 0");
    }
}
