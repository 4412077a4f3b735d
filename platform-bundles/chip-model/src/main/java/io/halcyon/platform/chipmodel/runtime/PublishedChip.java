package io.halcyon.platform.chipmodel.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.platform.chipmodel.ChipModel;

/**
 * What a platform registers for one identified chip, the same on every platform: its {@link RegisterBus},
 * {@link PlatformInfo}, {@link HostMemory} and any further per-chip services, each with the service
 * properties {@code halcyon.chip}, {@code halcyon.platform}, {@code halcyon.chipmap} and {@code halcyon.generation},
 * then one block configuration per block instance ({@link BlockConfigurations}). A chip whose generation the
 * installed drivers do not serve for every block is refused before anything is registered ({@link DriverGenerations}). {@link #withdraw} takes it all back in
 * reverse, the drivers' configurations first.
 */
public final class PublishedChip {

    /**
     * The platform's description of one chip.
     *
     * @param platform the value of {@code halcyon.platform} ({@code emulation}, {@code production})
     * @param description one line, e.g. "PCI device 0000:00:04.0 BAR 0 (1 MiB), QEMU edu"
     */
    public record Platform(PlatformKind kind, String platform, String version, String description,
            Set<PlatformCapability> capabilities) {
    }

    private final List<ServiceRegistration<?>> services;
    private final BlockConfigurations configurations;

    private PublishedChip(List<ServiceRegistration<?>> services, BlockConfigurations configurations) {
        this.services = services;
        this.configurations = configurations;
    }

    /**
     * Registers chip {@code chip}, of chip map {@code map}, and publishes its block configurations.
     *
     * @param more further per-chip services, by the interface they are registered under
     * @throws IOException when the block configurations cannot be published (the services are withdrawn), or
     *     when some block type has no installed driver for the chip's generation (one line per such block)
     */
    public static PublishedChip publish(BundleContext context, ConfigurationAdmin admin, int chip, ChipModel map,
            Platform platform, RegisterBus bus, HostMemory hostMemory, Map<Class<?>, Object> more) throws IOException {
        List<String> unserved = DriverGenerations.unserved(map, DriverGenerations.installed(context));
        if (!unserved.isEmpty()) {
            throw new IOException(map.name() + " is generation " + map.generation() + ", which the installed drivers do not"
                    + " serve for " + unserved.size() + " of its " + map.blocks().size() + " blocks, so bring-up cannot start"
                    + " on it\n  " + String.join("\n  ", unserved));
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ChipProperties.CHIP, String.valueOf(chip));
        props.put(ChipProperties.PLATFORM, platform.platform());
        props.put(ChipProperties.CHIP_MAP, map.name());
        props.put(ChipProperties.GENERATION, map.generation());
        List<ServiceRegistration<?>> services = new ArrayList<>();
        services.add(context.registerService(RegisterBus.class, bus, props));
        services.add(context.registerService(PlatformInfo.class, new Info(platform, chip), props));
        services.add(context.registerService(HostMemory.class, hostMemory, props));
        more.forEach((type, service) -> services.add(context.registerService(type.getName(), service, props)));
        try {
            return new PublishedChip(services, BlockConfigurations.publish(admin, map, chip, platform.platform()));
        } catch (IOException | RuntimeException e) {
            new PublishedChip(services, null).withdraw();
            throw e;
        }
    }

    /** Deletes the block configurations, then unregisters the services, last registered first. */
    public void withdraw() {
        if (configurations != null) {
            configurations.close();
        }
        List<ServiceRegistration<?>> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        for (ServiceRegistration<?> s : reversed) {
            try {
                s.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework took it back already
            }
        }
    }

    private record Info(Platform platform, int chipInstance) implements PlatformInfo {
        @Override
        public PlatformKind kind() {
            return platform.kind();
        }

        @Override
        public String description() {
            return platform.description();
        }

        @Override
        public String version() {
            return platform.version();
        }

        @Override
        public Set<PlatformCapability> capabilities() {
            return platform.capabilities();
        }
    }
}
