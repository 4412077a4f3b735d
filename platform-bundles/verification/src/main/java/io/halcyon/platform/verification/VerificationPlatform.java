package io.halcyon.platform.verification;

import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.runtime.ChipList;
import io.halcyon.platform.chipmodel.runtime.ChipMapConflictException;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;
import io.halcyon.platform.chipmodel.runtime.PublishedChip;
import io.halcyon.platform.chipmodel.runtime.UnidentifiedChipException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Chips on RTL: for each entry {@code verification:<chipmap>} of the framework property
 * {@value ChipList#CHIPS}, builds (or takes from the cache) the Verilator simulator of that chip map's
 * generated RTL with the harness this bundle carries, starts it, attaches with the chip-server protocol,
 * identifies the chip over its bus like every platform ({@link KnownChipMaps}) and publishes its
 * {@code RegisterBus}, {@code PlatformInfo} and {@code HostMemory} and its block configurations ({@link PublishedChip}). Device
 * time is the simulator's cycle count at 1 GHz. The simulators stop with this component, and by
 * themselves if this JVM dies.
 *
 * <p>Framework properties: {@value #BUS} ({@code apb4}, the default, or {@code axi4-lite}), {@value #CACHE}
 * (the simulator cache; default {@code ~/.cache/halcyon/simulators}, never the system's temporary folder).
 */
@Component(immediate = true, service = {})
public class VerificationPlatform {

    public static final String BUS = "halcyon.verification.bus";
    public static final String CACHE = "halcyon.verification.cache";
    /** {@code true}: run the simulator built with waveform support (Verilator's --trace), so {@code dumpWaves} works; slower. */
    public static final String WAVES = "halcyon.verification.waves";
    static final String PLATFORM = "verification";

    private final List<Runnable> withdrawals = new ArrayList<>();

    @Activate
    public VerificationPlatform(BundleContext context, ComponentContext component, @Reference ConfigurationAdmin configurations,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.RELUCTANT)
            List<ChipCatalog> catalogs) {
        List<ChipList.Entry> chips = ChipList.forPlatform(context.getProperty(ChipList.CHIPS), PLATFORM);
        KnownChipMaps known;
        try {
            known = KnownChipMaps.of(catalogs);
        } catch (ChipMapConflictException e) {
            System.err.println("halcyon: verification platform: " + e.getMessage());
            known = null;
        }
        String bus = property(context, BUS, "apb4");
        for (ChipList.Entry entry : chips) {
            if (known == null) {
                break;
            }
            try {
                start(context, configurations, known, entry, bus);
            } catch (IOException | InterruptedException | IllegalArgumentException e) {
                System.err.println("halcyon: verification platform: chip " + entry.chip() + ": " + e.getMessage());
            }
        }
        if (withdrawals.isEmpty()) {
            component.disableComponent(VerificationPlatform.class.getName());
        }
    }

    private static String property(BundleContext context, String name, String otherwise) {
        String v = context.getProperty(name);
        return v == null || v.isBlank() ? otherwise : v.trim();
    }

    private void start(BundleContext context, ConfigurationAdmin configurations, KnownChipMaps known, ChipList.Entry entry, String bus)
            throws IOException, InterruptedException {
        ChipModel design = known.named(entry.chipMap());
        Path cache = Path.of(property(context, CACHE, System.getProperty("user.home") + "/.cache/halcyon/simulators"));
        boolean waves = Boolean.parseBoolean(property(context, WAVES, "false"));
        SimulatorBuild.Built built = SimulatorBuild.of(SimulatorSources.of(context.getBundle()), design.name(), bus, cache, waves);
        Path socket = socketFor(context, entry.chip());
        SimulatorProcess sim = SimulatorProcess.start(built.executable(), socket, context.getDataFile("sim-" + entry.chip() + ".log").toPath());
        withdrawals.add(0, sim::close);
        ChipModel map;
        try {
            map = known.identify(sim.client().bus(), entry.chip());
        } catch (UnidentifiedChipException e) {
            System.err.println("halcyon: verification platform: " + e.getMessage() + "; nothing is published for it");
            return;
        }
        String description = String.format("RTL of chip map %s simulated by %s, %s bus, RTL build %s (%s), simulator pid %d, "
                + "1 GHz clock: device time in cycles%s", map.name(), built.verilator(), bus, built.shortKey(),
                built.cached() ? "cached" : "built in " + built.buildMillis() + " ms", sim.pid(), waves ? ", waveforms on request" : "");
        PublishedChip.Platform platform = new PublishedChip.Platform(PlatformKind.VERIFICATION, PLATFORM,
                context.getBundle().getVersion().toString(), description, EnumSet.of(PlatformCapability.POSTED_WRITES,
                        PlatformCapability.BATCHED_READS, PlatformCapability.DEVICE_SIDE_WAIT, PlatformCapability.DETERMINISTIC_TIME));
        PublishedChip published = PublishedChip.publish(context, configurations, entry.chip(), map, platform, sim.client().bus(),
                sim.client().hostMemory(), Map.of());
        withdrawals.add(0, published::withdraw);
    }

    /** The simulator's socket: in this bundle's data area (inside the host's run folder) when the path is short enough. */
    private static Path socketFor(BundleContext context, int chip) throws IOException {
        return SimulatorProcess.socketPath(context.getDataFile("").toPath(), "sim-" + chip + ".sock");
    }

    @Deactivate
    void deactivate() {
        withdrawals.forEach(Runnable::run);
        withdrawals.clear();
    }
}
