package io.halcyon.platform.emulation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.server.ChipClient;

/**
 * Publishes the emulated reference chip's {@link RegisterBus}, {@link PlatformInfo} and
 * {@link HostMemory} as chip instance 0. By default the chip is built in this JVM and lives as long as
 * this component. With the framework property {@value #CHIP_SOCKET} naming a socket, the component
 * attaches to a chip already running in a {@link io.halcyon.platform.emulation.server.ChipServer}
 * process instead; the chip then outlives the host, and host buffers are files in
 * {@value #HOST_MEMORY_DIRECTORY} (default /dev/shm) shared with the server.
 */
@Component(immediate = true, service = {})
public class EmulationPlatform {

    /** Framework property: the chip server's socket; unset or empty means an in-process chip. */
    public static final String CHIP_SOCKET = "halcyon.chip.socket";
    /** Framework property: the directory for host buffers shared with the chip server. */
    public static final String HOST_MEMORY_DIRECTORY = "halcyon.chip.hostmem";

    static final int CHIP_INSTANCE = 0;

    private final ChipClient client;
    private ServiceRegistration<?> busRegistration;
    private ServiceRegistration<?> infoRegistration;
    private ServiceRegistration<?> hostMemoryRegistration;

    @Activate
    public EmulationPlatform(BundleContext context, ComponentContext component) {
        String socket = context.getProperty(CHIP_SOCKET);
        String version = context.getBundle().getVersion().toString();
        RegisterBus bus;
        HostMemory hostMemory;
        Info info;
        if (socket == null || socket.isBlank()) {
            client = null;
            EmulatedChip chip = EmulatedChip.reference();
            bus = new EmulationBus(chip);
            hostMemory = new EmulatedHostMemory(chip.hostMemory());
            info = new Info(version, "behavioural emulation of the reference chip, in-process, deterministic model time",
                    EnumSet.of(PlatformCapability.DEVICE_SIDE_WAIT, PlatformCapability.DETERMINISTIC_TIME,
                            PlatformCapability.FAULT_INJECTION));
        } else {
            client = attach(Path.of(socket));
            if (client == null) {
                // One line naming the socket, then the component disables itself: nothing is registered,
                // and no stack trace buries the line (a constructor that throws gets one from SCR).
                component.disableComponent(EmulationPlatform.class.getName());
                return;
            }
            bus = client.bus();
            String directory = context.getProperty(HOST_MEMORY_DIRECTORY);
            hostMemory = directory == null || directory.isBlank() ? client.hostMemory() : client.hostMemory(Path.of(directory));
            info = new Info(version, "behavioural emulation of the reference chip in chip server pid " + client.serverPid()
                    + ", attached at " + client.socket() + ", deterministic model time",
                    EnumSet.of(PlatformCapability.DEVICE_SIDE_WAIT, PlatformCapability.DETERMINISTIC_TIME,
                            PlatformCapability.PERSISTENT_DEVICE, PlatformCapability.POSTED_WRITES,
                            PlatformCapability.BATCHED_READS));
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(RegisterBus.CHIP, String.valueOf(CHIP_INSTANCE));
        props.put("halcyon.platform", "emulation");
        busRegistration = context.registerService(RegisterBus.class, bus, props);
        infoRegistration = context.registerService(PlatformInfo.class, info, props);
        hostMemoryRegistration = context.registerService(HostMemory.class, hostMemory, props);
    }

    /** The connection, or null after telling the operator in one line why there is none. */
    private static ChipClient attach(Path socket) {
        try {
            return ChipClient.connect(socket);
        } catch (IOException e) {
            System.err.println("halcyon: emulation platform: " + e.getMessage()
                    + "; start one with: launcher/halcyon chip start " + socket);
            return null;
        }
    }

    @Deactivate
    void deactivate() {
        if (busRegistration == null) {
            return;
        }
        hostMemoryRegistration.unregister();
        infoRegistration.unregister();
        busRegistration.unregister();
        if (client != null) {
            client.close();
        }
    }

    private record Info(String version, String description, Set<PlatformCapability> capabilities) implements PlatformInfo {
        @Override
        public PlatformKind kind() {
            return PlatformKind.EMULATION;
        }

        @Override
        public int chipInstance() {
            return CHIP_INSTANCE;
        }
    }
}
