package io.halcyon.launcher.soak;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.consumers.training.api.DataParallelTraining;
import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.launcher.update.UpdateManager;

/**
 * {@code hal:soak}: live updates under the training workload, block swaps of every block then API
 * updates (with --bad, versions that must be rolled back as well); {@code hal:updatebench}: consumer
 * throughput with one DMA update a second.
 */
@Component(service = SoakCommand.class, property = {"osgi.command.scope=hal", "osgi.command.function=soak", "osgi.command.function=updatebench",
        "osgi.command.function=driverversion"})
public class SoakCommand {

    private static final String CHIP_0 = "(halcyon.chip=0)";

    private final BundleContext context;
    private final UpdateManager manager;
    private final MlpTraining training;
    private final BringUp bringUp;
    private final DmaEngine dma;
    private final CommandProcessor shell;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataParallelTraining parallel;

    @Reference(service = BringUp.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, BringUp>> bringUps;

    @Activate
    public SoakCommand(BundleContext context, @Reference UpdateManager manager, @Reference(target = CHIP_0) MlpTraining training,
            @Reference(target = CHIP_0) BringUp bringUp, @Reference(target = CHIP_0) DmaEngine dma, @Reference CommandProcessor shell) {
        this.context = context;
        this.manager = manager;
        this.training = training;
        this.bringUp = bringUp;
        this.dma = dma;
        this.shell = shell;
    }

    /** Brings up every chip, then the data-parallel workload on all of them (a block update swaps every chip's driver). */
    private SoakRun.Workload everyChip() {
        DataParallelTraining p = parallel;
        if (p == null) {
            throw new IllegalStateException("hal:soak --all-chips: no data-parallel training service (io.halcyon.consumers.training)");
        }
        List<Map.Entry<Map<String, Object>, BringUp>> all = bringUps == null ? List.of() : bringUps;
        all.forEach(e -> e.getValue().bringUp());
        List<Integer> chips = p.chips();
        return new SoakRun.Workload() {
            @Override
            public TrainingPlan plan() {
                return p.plan();
            }

            @Override
            public TrainingResult train(TrainingPlan plan) {
                return p.train(plan, chips, TrainingListener.NONE).result();
            }
        };
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
        return new UpdateBenchmark(manager, dma, blockBundles("dma").get("dma"), versionsDirectory()).run(threads, seconds, rounds);
    }

    @Descriptor("build one version of a block bundle of chip 0 from changed code, as the soak does, and write its jar to a file "
            + "(the fleet demo's new driver versions)")
    public String driverversion(
            @Descriptor("the block (sysctrl, dma, ...)") String block,
            @Descriptor("the new Bundle-Version") String version,
            @Descriptor("good, fails-health-gate, fails-health-gate-on-generation-2, activation-throws or missing-import") String flavour,
            @Descriptor("the jar file to write") String out) throws Exception {
        Flavour f;
        try {
            f = Flavour.valueOf(flavour.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hal:driverversion: unknown flavour " + flavour
                    + " (good, fails-health-gate, fails-health-gate-on-generation-2, activation-throws, missing-import)");
        }
        Bundle bundle = blockBundles(block).get(block);
        Path jar = new DriverVariants(bundle).build(List.of(new org.osgi.framework.Version(version)), f, versionsDirectory()).get(0);
        Path target = Path.of(out).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.copy(jar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target.toString();
    }

    @Descriptor("train the MLP workload while every block bundle is replaced by new versions, then while the API bundle is; "
            + "compare the weights with undisturbed runs")
    public String soak(
            @Descriptor("how many successful block updates to make, round-robin over the blocks")
            @Parameter(names = "--updates", absentValue = "50") int updates,
            @Descriptor("the blocks to update, comma-separated (none: every block of chip 0)")
            @Parameter(names = "--blocks", absentValue = "") String blockList,
            @Descriptor("API bundle updates to make after the block updates, each while hal:train runs (0: none)")
            @Parameter(names = "--api-updates", absentValue = "3") int apiUpdates,
            @Descriptor("also deploy versions that must be rolled back: a misaddressing one of every block, one whose activation "
                    + "throws, one with a missing import, and an API version that does not resolve once refreshed")
            @Parameter(names = "--bad", presentValue = "true", absentValue = "false") boolean bad,
            @Descriptor("train data-parallel on every chip of the host (each brought up first) instead of on chip 0 alone")
            @Parameter(names = "--all-chips", presentValue = "true", absentValue = "false") boolean allChips,
            @Descriptor("print one JSON object")
            @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json) throws Exception {
        if (updates < 1 || apiUpdates < 0) {
            throw new IllegalArgumentException("hal:soak: --updates must be at least 1 and --api-updates at least 0");
        }
        SoakRun.Workload workload = allChips ? everyChip() : SoakRun.Workload.of(training);
        if (!allChips) {
            bringUp.bringUp();
        }
        Path dir = versionsDirectory();
        SoakReport report = new SoakRun(manager, workload, blockBundles(blockList), ViewProbes.of(context, CHIP_0), dir).run(updates, bad);
        if (apiUpdates > 0) {
            Bundle api = bundleNamed(ApiPhase.API_BUNDLE);
            ApiVariants versions = new ApiVariants(api);
            List<Path> jars = versions.build(apiUpdates, dir);
            Path unresolvable = bad ? versions.unresolvable(apiUpdates + 1, dir) : null;
            loadOwnClasses();
            report = report.withApi(new ApiPhase(manager, shell, api).run(jars, unresolvable));
        }
        String out = json ? report.json() : report.text();
        if (report.failedCalls() > 0 || !report.identical() || !report.problems().isEmpty()) {
            throw new IllegalStateException("soak failed: " + (json ? out : out.replace('\n', ' ')));
        }
        return out;
    }

    /**
     * The blocks of chip 0 named, or all of them, in address order, with the bundle that serves each.
     * Looked up through the blocks' register descriptions, which stay visible to tools.
     */
    private Map<String, Bundle> blockBundles(String names) throws InvalidSyntaxException {
        List<ServiceReference<HardwareBlock>> refs = new ArrayList<>(context.getServiceReferences(HardwareBlock.class, CHIP_0));
        refs.sort(Comparator.comparingLong(ref -> context.getService(ref).baseAddress()));
        Map<String, Bundle> all = new LinkedHashMap<>();
        refs.forEach(ref -> all.putIfAbsent(String.valueOf(ref.getProperty(HardwareBlock.BLOCK)), ref.getBundle()));
        if (names.isBlank()) {
            return all;
        }
        Map<String, Bundle> chosen = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            Bundle b = all.get(name.trim());
            if (b == null) {
                throw new IllegalArgumentException("hal:soak: no block " + name.trim() + " on chip 0 (blocks: " + String.join(", ", all.keySet()) + ")");
            }
            chosen.put(name.trim(), b);
        }
        return chosen;
    }

    private Bundle bundleNamed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("hal:soak: no bundle " + symbolicName + " on this host");
    }

    /** The versions' jars go to this bundle's data area (inside the host's run folder), never to the system's temporary directory. */
    private Path versionsDirectory() throws IOException {
        return Files.createDirectories(context.getDataFile("versions").toPath());
    }

    /**
     * Loads every class of this bundle now. An API update refreshes this bundle too (it imports the API):
     * the command goes on in the retired revision, whose class loader reads nothing from the jar once
     * the refresh has closed it, so whatever the rest of the run needs must be loaded before.
     */
    private void loadOwnClasses() throws ClassNotFoundException {
        Bundle self = context.getBundle();
        for (URL entry : Collections.list(self.findEntries("/", "*.class", true))) {
            String path = entry.getPath().substring(1);
            Class.forName(path.substring(0, path.length() - ".class".length()).replace('/', '.'), false, getClass().getClassLoader());
        }
    }
}
