package io.halcyon.platform.chipmodel.runtime;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.platform.chipmodel.ChipModel;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What a platform registers for one identified chip, the same on every platform: its {@link RegisterBus},
 * {@link PlatformInfo} and {@link HostMemory} (service properties {@code halcyon.chip},
 * {@code halcyon.platform}, {@code halcyon.chipmap}) and its block configurations
 * ({@link BlockConfigurations}); {@link #close()} withdraws them in reverse, the drivers' configurations
 * first.
 */
public final class PublishedChip implements AutoCloseable {

    /** What the platform says about itself for one chip. */
    public record Description(PlatformKind kind, String version, String description, Set<PlatformCapability> capabilities) {
    }

    private final ServiceRegistration<?> bus;
    private final ServiceRegistration<?> info;
    private final ServiceRegistration<?> hostMemory;
    private BlockConfigurations configurations;

    private PublishedChip(ServiceRegistration<?> bus, ServiceRegistration<?> info, ServiceRegistration<?> hostMemory) {
        this.bus = bus;
        this.info = info;
        this.hostMemory = hostMemory;
    }

    /**
     * Publishes chip {@code chip} of design {@code map} on {@code platform}. The services stay published when
     * the block configurations cannot be (told in one line on stderr): the chip is there, its drivers are not.
     */
    public static PublishedChip publish(BundleContext context, ConfigurationAdmin configurations, ChipModel map, int chip,
            String platform, Description what, RegisterBus bus, HostMemory hostMemory) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ChipProperties.CHIP, String.valueOf(chip));
        props.put(ChipProperties.PLATFORM, platform);
        props.put(ChipProperties.CHIP_MAP, map.name());
        PublishedChip p = new PublishedChip(context.registerService(RegisterBus.class, bus, props),
                context.registerService(PlatformInfo.class, new Info(what, chip), props),
                context.registerService(HostMemory.class, hostMemory, props));
        try {
            p.configurations = BlockConfigurations.publish(configurations, map, chip, platform);
        } catch (IOException e) {
            System.err.println("halcyon: " + platform + " platform: chip " + chip + ": block configurations not published: " + e.getMessage());
        }
        return p;
    }

    @Override
    public void close() {
        if (configurations != null) {
            configurations.close();
        }
        hostMemory.unregister();
        info.unregister();
        bus.unregister();
    }

    private record Info(Description what, int chipInstance) implements PlatformInfo {
        @Override
        public PlatformKind kind() {
            return what.kind();
        }

        @Override
        public String version() {
            return what.version();
        }

        @Override
        public String description() {
            return what.description();
        }

        @Override
        public Set<PlatformCapability> capabilities() {
            return what.capabilities();
        }
    }
}
