package io.halcyon.platform.emulation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.runtime.ChipMapConflictException;
import io.halcyon.platform.chipmodel.runtime.ChipList;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;
import io.halcyon.platform.chipmodel.runtime.PublishedChip;
import io.halcyon.platform.chipmodel.runtime.UnidentifiedChipException;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.chipmodel.remote.ChipClient;

/**
 * Emulated chips: builds one chip per chip map named by the framework property {@value #CHIPS}
 * (default {@value #DEFAULT_CHIPS}; chip instances 0, 1, ... in that order) from the chip maps the
 * {@link ChipCatalog} services offer, in this JVM, living as long as this component. With the framework
 * property {@value #CHIP_SOCKET} naming sockets (comma-separated), it attaches instead to the chip each
 * {@link io.halcyon.platform.emulation.server.ChipServer} process runs, chip 0 at the first (which outlives the host; host
 * buffers are then files in {@value #HOST_MEMORY_DIRECTORY}, default /dev/shm, shared with the server).
 *
 * <p>Either way the platform does not take a chip's design on trust: it reads the chip's identity over
 * its bus and matches it against every known chip map ({@link KnownChipMaps}). A chip that matches
 * publishes its {@link RegisterBus}, {@link io.halcyon.hal.api.platform.PlatformInfo} and {@link HostMemory} (service properties
 * {@code halcyon.chip}, {@code halcyon.platform}, {@code halcyon.chipmap}) and one block configuration
 * per block instance of its map, from which the block drivers are made; one that does not is refused
 * in one line naming the identity read, and nothing is published for it.
 */
@Component(immediate = true, service = {})
public class EmulationPlatform {

    /** Framework property: the chip servers' sockets, comma-separated, in chip order; unset or empty means in-process chips. */
    public static final String CHIP_SOCKET = "halcyon.chip.socket";
    /** Framework property: the directory for host buffers shared with the chip server. */
    public static final String HOST_MEMORY_DIRECTORY = "halcyon.chip.hostmem";
    /** Framework property: the chip maps of the in-process chips, comma-separated (HALCYON_CHIPS). */
    public static final String CHIPS = "halcyon.emulation.chips";
    /** The chip built when {@value #CHIPS} is not set. */
    public static final String DEFAULT_CHIPS = "reference_gen1";
    /** The most chips one host (or one chip server) emulates: each is a whole chip model with its own memory. */
    public static final int MAX_CHIPS = 64;
    /** Value of {@value io.halcyon.hal.api.chip.ChipProperties#PLATFORM} for everything this platform publishes. */
    static final String PLATFORM = "emulation";

    private final List<PublishedChip> published = new ArrayList<>();
    /** The chip servers attached to, one per chip, in chip order. */
    private final List<ChipClient> clients = new ArrayList<>();

    @Activate
    public EmulationPlatform(BundleContext context, ComponentContext component, @Reference ConfigurationAdmin configurations,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.RELUCTANT)
            List<ChipCatalog> catalogs) {
        KnownChipMaps known = knownMaps(catalogs);
        String socket = context.getProperty(CHIP_SOCKET);
        // With halcyon.chips (a host on several platforms) this platform serves its entries under their chip numbers.
        String hostChips = context.getProperty(ChipList.CHIPS);
        List<ChipList.Entry> mine = ChipList.forPlatform(hostChips, PLATFORM);
        List<ReachedChip> chips = known == null ? List.of()
                : socket == null || socket.isBlank()
                        ? inProcess(hostChips == null || hostChips.isBlank() ? context.getProperty(CHIPS)
                                : String.join(",", mine.stream().map(ChipList.Entry::chipMap).toList()), known, hostChips != null && !hostChips.isBlank())
                : attached(socket, context.getProperty(HOST_MEMORY_DIRECTORY));
        String version = context.getBundle().getVersion().toString();
        for (int i = 0; i < chips.size(); i++) {
            int chip = hostChips == null || hostChips.isBlank() || i >= mine.size() ? i : mine.get(i).chip();
            publish(context, configurations, known, chip, chips.get(i), version);
        }
        if (published.isEmpty()) {
            clients.forEach(ChipClient::close);
            clients.clear();
            // Each reason was told in one line; the component disables itself so that nothing waits on a
            // half-made platform, and no stack trace buries the line (a constructor that throws gets one from SCR).
            component.disableComponent(EmulationPlatform.class.getName());
        }
    }

    /** A chip this platform reaches, before it is identified. */
    private record ReachedChip(RegisterBus bus, HostMemory hostMemory, String where, Set<PlatformCapability> capabilities) {
    }

    /** A chip in this JVM per chip map {@code names} names; none after telling the operator why. */
    private static List<ReachedChip> inProcess(String names, KnownChipMaps known, boolean listedByHost) {
        if (listedByHost && names.isBlank()) {
            return List.of(); // the host's chips are all on other platforms
        }
        List<ChipModel> maps = namedMaps(names, known);
        List<ReachedChip> chips = new ArrayList<>();
        for (ChipModel map : maps) {
            EmulatedChip chip = EmulatedChip.of(map);
            chips.add(new ReachedChip(new EmulationBus(chip), new EmulatedHostMemory(chip.hostMemory()),
                    "in-process, deterministic model time", EnumSet.of(PlatformCapability.DEVICE_SIDE_WAIT,
                            PlatformCapability.DETERMINISTIC_TIME, PlatformCapability.FAULT_INJECTION)));
        }
        return chips;
    }

    /**
     * The chips of the chip servers at {@code sockets} (comma-separated, one chip each, in chip order); none
     * after telling the operator in one line which chip's server cannot be reached.
     */
    private List<ReachedChip> attached(String sockets, String hostMemoryDirectory) {
        List<String> paths = Arrays.stream(sockets.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        List<ReachedChip> chips = new ArrayList<>();
        for (int chip = 0; chip < paths.size(); chip++) {
            ChipClient client = attach(chip, Path.of(paths.get(chip)));
            if (client == null) {
                clients.forEach(ChipClient::close); // a host with a chip missing is not what was asked for
                clients.clear();
                return List.of();
            }
            clients.add(client);
            HostMemory hostMemory = hostMemoryDirectory == null || hostMemoryDirectory.isBlank() ? client.hostMemory()
                    : client.hostMemory(Path.of(hostMemoryDirectory));
            chips.add(new ReachedChip(client.bus(), hostMemory, "in chip server pid " + client.serverPid() + ", attached at "
                    + client.socket() + ", deterministic model time", EnumSet.of(PlatformCapability.DEVICE_SIDE_WAIT,
                            PlatformCapability.DETERMINISTIC_TIME, PlatformCapability.PERSISTENT_DEVICE,
                            PlatformCapability.POSTED_WRITES, PlatformCapability.BATCHED_READS)));
        }
        return chips;
    }

    /** Every chip map of the catalogs, or null after telling the operator in one line which two conflict. */
    private static KnownChipMaps knownMaps(List<ChipCatalog> catalogs) {
        try {
            return KnownChipMaps.of(catalogs);
        } catch (ChipMapConflictException e) {
            System.err.println("halcyon: emulation platform: " + e.getMessage());
            return null;
        }
    }

    /** The chip maps {@code property} names; none after telling the operator in one line which is unknown. */
    private static List<ChipModel> namedMaps(String property, KnownChipMaps known) {
        List<ChipModel> maps = new ArrayList<>();
        try {
            List<String> names = chipMapNames(property);
            for (int chip = 0; chip < names.size(); chip++) {
                try {
                    maps.add(known.named(names.get(chip)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("chip " + chip + ": " + e.getMessage(), e);
                }
            }
            return maps;
        } catch (IllegalArgumentException e) {
            System.err.println("halcyon: emulation platform: " + e.getMessage() + "; set HALCYON_CHIPS to known chip maps"
                    + " or a chip count");
            return List.of();
        }
    }

    /**
     * The chip map of each chip, in chip order, from {@value #CHIPS}: a comma-separated list of chip maps, or
     * a count ({@code 4}) of chips of {@value #DEFAULT_CHIPS}; unset, one such chip.
     *
     * @throws IllegalArgumentException for a count out of 1..{@value #MAX_CHIPS} or a list of more
     */
    public static List<String> chipMapNames(String property) {
        String value = property == null || property.isBlank() ? DEFAULT_CHIPS : property.trim();
        List<String> names = value.matches("[0-9]+")
                ? Collections.nCopies(parseCount(value), DEFAULT_CHIPS)
                : Arrays.stream(value.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        if (names.isEmpty() || names.size() > MAX_CHIPS) {
            throw new IllegalArgumentException("HALCYON_CHIPS=" + value + " names " + names.size() + " chips; a host has 1 to "
                    + MAX_CHIPS);
        }
        return names;
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            return Integer.MAX_VALUE;
        }
    }

    /** Identifies {@code reached} and publishes it as chip {@code chip}, or tells in one line why it is refused. */
    private void publish(BundleContext context, ConfigurationAdmin configurations, KnownChipMaps known, int chip,
            ReachedChip reached, String version) {
        ChipModel map;
        try {
            map = known.identify(reached.bus(), chip);
        } catch (UnidentifiedChipException e) {
            System.err.println("halcyon: emulation platform: " + e.getMessage() + "; nothing is published for it");
            return;
        }
        PublishedChip.Platform platform = new PublishedChip.Platform(PlatformKind.EMULATION, PLATFORM, version,
                "behavioural emulation of chip map " + map.name() + ", " + reached.where(), reached.capabilities());
        try {
            published.add(PublishedChip.publish(context, configurations, chip, map, platform, reached.bus(),
                    reached.hostMemory(), Map.of()));
        } catch (IOException e) {
            System.err.println("halcyon: emulation platform: chip " + chip + ": block configurations not published: "
                    + e.getMessage() + "; nothing is published for it");
        }
    }

    /** The connection, or null after telling the operator in one line why there is none. */
    private static ChipClient attach(int chip, Path socket) {
        try {
            return ChipClient.connect(socket);
        } catch (IOException e) {
            System.err.println("halcyon: emulation platform: chip " + chip + ": " + e.getMessage()
                    + "; start one with: launcher/halcyon chip start " + socket);
            return null;
        }
    }

    @Deactivate
    void deactivate() {
        published.forEach(PublishedChip::withdraw);
        published.clear();
        clients.forEach(ChipClient::close);
        clients.clear();
    }
}
