package io.halcyon.platform.emulation;

import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.platform.emulation.model.EmulatedChip;

/**
 * Brings up one emulated reference chip in the JVM and publishes its {@link RegisterBus},
 * {@link PlatformInfo} and {@link HostMemory} as chip instance 0. The chip lives as long as this component.
 */
@Component(immediate = true, service = {})
public class EmulationPlatform {

    static final int CHIP_INSTANCE = 0;

    private final ServiceRegistration<?> busRegistration;
    private final ServiceRegistration<?> infoRegistration;
    private final ServiceRegistration<?> hostMemoryRegistration;

    @Activate
    public EmulationPlatform(BundleContext context) {
        EmulatedChip chip = EmulatedChip.reference();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(RegisterBus.CHIP, String.valueOf(CHIP_INSTANCE));
        props.put("halcyon.platform", "emulation");
        String version = context.getBundle().getVersion().toString();
        busRegistration = context.registerService(RegisterBus.class, new EmulationBus(chip), props);
        infoRegistration = context.registerService(PlatformInfo.class, new Info(version), props);
        hostMemoryRegistration = context.registerService(HostMemory.class, new EmulatedHostMemory(chip.hostMemory()), props);
    }

    @Deactivate
    void deactivate() {
        hostMemoryRegistration.unregister();
        infoRegistration.unregister();
        busRegistration.unregister();
    }

    private record Info(String version) implements PlatformInfo {
        @Override
        public PlatformKind kind() {
            return PlatformKind.EMULATION;
        }

        @Override
        public int chipInstance() {
            return CHIP_INSTANCE;
        }

        @Override
        public String description() {
            return "behavioural emulation of the reference chip, in-process, deterministic model time";
        }

        @Override
        public Set<PlatformCapability> capabilities() {
            return EnumSet.of(PlatformCapability.DEVICE_SIDE_WAIT, PlatformCapability.DETERMINISTIC_TIME);
        }
    }
}
