package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.halcyon.hal.api.bus.AccessLog;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.runtime.ChipMapConflictException;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;
import io.halcyon.platform.chipmodel.runtime.PublishedChip;

/**
 * Chips on real hardware: the PCI devices named by the framework property {@value #DEVICES} (BDFs or UIO
 * devices, comma-separated; {@code launcher/halcyon --device}), or, when it is empty, every PCI function
 * whose {@code vendor:device} is one of {@value #IDS} (default {@value #DEFAULT_IDS}, QEMU's edu). Chip
 * instances are numbered from {@value #FIRST_CHIP} (default 0) in that order.
 *
 * <p>Each device's register window (BAR {@value #BAR}, default 0) is mapped, the chip is identified over
 * it against every known chip map ({@link KnownChipMaps}) and, when the window holds the whole map,
 * published like on every platform ({@link PublishedChip}), with an {@link AccessLog} of the accesses
 * issued. A device that cannot be used is refused in one line naming it and what is wrong; nothing is
 * published for it. A device found gone while in use (an all-ones read the description rules out, or
 * configuration space no longer answering) is reported in one line and its chip's services are withdrawn.
 */
@Component(immediate = true, service = Object.class, property = {"osgi.command.scope=production",
        "osgi.command.function=bench"})
public class ProductionPlatform {

    /** Framework property: the devices, BDF or uioN, comma-separated; empty means every device with a known id. */
    public static final String DEVICES = "halcyon.production.devices";
    /** Framework property: PCI ids to look for when no device is named, {@code vendor:device}, comma-separated. */
    public static final String IDS = "halcyon.production.ids";
    public static final String DEFAULT_IDS = "1234:11e8";
    /** Framework property: the BAR (or UIO map) holding the registers. */
    public static final String BAR = "halcyon.production.bar";
    /** Framework property: the chip instance of the first device (for a host attached to several platforms). */
    public static final String FIRST_CHIP = "halcyon.production.firstchip";
    /** Framework properties for tests: where sysfs and /dev are. */
    public static final String SYSFS = "halcyon.production.sysfs";
    public static final String DEV = "halcyon.production.dev";
    /** How often the platform checks that its devices are still on the bus. */
    static final long PRESENCE_MILLIS = 250;
    /** Value of {@code halcyon.platform} for everything this platform publishes. */
    static final String PLATFORM = "production";

    private final Map<Integer, PublishedChip> published = new ConcurrentHashMap<>();
    private final Map<Integer, ProductionBus> buses = new ConcurrentHashMap<>();
    private final ScheduledExecutorService presence = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "halcyon-production-presence");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ProductionPlatform(BundleContext context, ComponentContext component, @Reference ConfigurationAdmin configurations,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.RELUCTANT)
            List<ChipCatalog> catalogs) {
        Device.Places places = new Device.Places(Path.of(property(context, SYSFS, "/sys")), Path.of(property(context, DEV, "/dev")));
        int bar = Integer.parseInt(property(context, BAR, "0"));
        int chip = Integer.parseInt(property(context, FIRST_CHIP, "0"));
        String version = context.getBundle().getVersion().toString();
        KnownChipMaps known = knownMaps(catalogs);
        for (String spec : known == null ? List.<String>of() : devices(context, places)) {
            Device device;
            try {
                device = Device.open(spec, bar, places);
            } catch (DeviceRefusedException e) {
                tell(e.getMessage() + "; nothing is published for it");
                continue;
            }
            if (publish(context, configurations, known, chip, device, bar, version)) {
                chip++;
            }
        }
        // A device removed from the bus (hot unplug, surprise removal) is noticed without accessing it: Linux
        // removes its sysfs folder. QEMU then reads 0 where real hardware reads all ones, so all-ones checks alone
        // would not see it.
        presence.scheduleWithFixedDelay(() -> buses.values().forEach(ProductionBus::checkPresence), PRESENCE_MILLIS,
                PRESENCE_MILLIS, TimeUnit.MILLISECONDS);
        if (published.isEmpty()) {
            // Each reason was told in one line; the component disables itself so that nothing waits on a
            // platform without chips, and no stack trace buries the line.
            presence.shutdownNow();
            component.disableComponent(ProductionPlatform.class.getName());
        }
    }

    private static String property(BundleContext context, String name, String otherwise) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    /** The devices named, else every PCI function with a known id; none after telling the operator why. */
    private static List<String> devices(BundleContext context, Device.Places places) {
        String named = property(context, DEVICES, "");
        if (!named.isEmpty()) {
            return Arrays.stream(named.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        List<String> ids = Arrays.stream(property(context, IDS, DEFAULT_IDS).split(",")).map(String::trim).toList();
        try {
            List<String> found = PciDevice.withIds(places.pciDevices(), ids).stream().map(PciDevice::bdf).toList();
            if (found.isEmpty()) {
                tell("no PCI device with id " + String.join(" or ", ids) + " in " + places.pciDevices()
                        + "; name one with --device BDF|uioN");
            }
            return found;
        } catch (IOException e) {
            tell("cannot list " + places.pciDevices() + ": " + e.getMessage());
            return List.of();
        }
    }

    /** Identifies the chip behind {@code device} and publishes it as chip {@code chip}; false after telling why not. */
    private boolean publish(BundleContext context, ConfigurationAdmin configurations, KnownChipMaps known, int chip,
            Device device, int bar, String version) {
        ProductionBus bus = new ProductionBus(device, gone -> withdrawGone(chip, gone));
        ChipModel map;
        try {
            map = bus.identify(known, chip, bar);
        } catch (DeviceRefusedException e) {
            return refuse(bus, e.getMessage());
        }
        if (device.pci() != null) {
            try {
                device.pci().enableMemoryAndBusMaster();
            } catch (IOException e) {
                tell("device " + device.name() + ": cannot enable bus mastering (" + e.getMessage() + "): DMA will not work");
            }
        }
        String description = "PCI device " + device.name() + ", " + device.region().file() + " (" + device.region().size()
                + " bytes), " + (device.interrupts() != null ? "interrupts through " + device.interrupts().file()
                        : "waits poll (no UIO device)") + ", chip map " + map.name();
        PublishedChip.Platform platform = new PublishedChip.Platform(PlatformKind.PRODUCTION, PLATFORM, version, description,
                EnumSet.noneOf(PlatformCapability.class));
        // Known to production:bench before its services appear, so that whoever sees chip N published finds its bus.
        buses.put(chip, bus);
        try {
            published.put(chip, PublishedChip.publish(context, configurations, chip, map, platform, bus,
                    new ProductionHostMemory(), Map.of(AccessLog.class, bus)));
        } catch (IOException e) {
            buses.remove(chip);
            return refuse(bus, "device " + device.name() + ": block configurations not published: " + e.getMessage());
        }
        return true;
    }

    private static boolean refuse(ProductionBus bus, String line) {
        bus.close();
        tell(line + "; nothing is published for it");
        return false;
    }

    /** Called by a bus that found its device gone: tells the operator and takes the chip's services back. */
    private void withdrawGone(int chip, DeviceGone gone) {
        tell("chip " + chip + ": " + gone.getMessage() + "; its services are withdrawn");
        PublishedChip p = published.remove(chip);
        if (p != null) {
            // Not on the caller's thread: it is inside a driver call that the withdrawal would wait for.
            Thread t = new Thread(p::withdraw, "halcyon-production-withdraw-chip" + chip);
            t.setDaemon(true);
            t.start();
        }
    }

    private static KnownChipMaps knownMaps(List<ChipCatalog> catalogs) {
        try {
            return KnownChipMaps.of(catalogs);
        } catch (ChipMapConflictException e) {
            tell(e.getMessage());
            return null;
        }
    }

    private static void tell(String line) {
        System.err.println("halcyon: production platform: " + line);
    }

    /**
     * Shell command {@code production:bench CHIP REGISTER COUNT}: accesses per second through the HAL against raw
     * mapped access on one register (its path, e.g. {@code edu.LIVENESS}; it must take any value), as one JSON line.
     */
    public void bench(int chip, String register, int count) {
        ProductionBus bus = buses.get(chip);
        if (bus == null) {
            throw new IllegalArgumentException("no production chip " + chip + " (chips: " + buses.keySet() + ")");
        }
        System.out.println(AccessBenchmark.run(bus, register, bus.address(register), count).json());
    }

    @Deactivate
    void deactivate() {
        presence.shutdownNow();
        published.values().forEach(PublishedChip::withdraw);
        published.clear();
        buses.values().forEach(ProductionBus::close);
        buses.clear();
    }
}
