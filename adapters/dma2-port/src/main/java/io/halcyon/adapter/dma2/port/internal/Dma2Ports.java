package io.halcyon.adapter.dma2.port.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.adapter.dma2.port.Dma2Port;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.dma.MemorySpace;

/**
 * Publishes every 2.x {@link DmaEngine} as a {@link Dma2Port} with the engine's properties, and withdraws the
 * port when the engine goes (a driver swap rebinds: the engine's service goes and comes back).
 */
@Component(immediate = true)
public class Dma2Ports {

    /** Properties that belong to the engine's registration, not to the chip and block it serves. */
    static final Set<String> NOT_COPIED = Set.of("objectClass", "service.id", "service.bundleid", "service.scope",
            "service.pid", "service.factoryPid", "component.name", "component.id");

    private final BundleContext context;
    private final Map<DmaEngine, ServiceRegistration<Dma2Port>> ports = new ConcurrentHashMap<>();

    @Activate
    public Dma2Ports(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(DmaEngine engine, Map<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        properties.forEach((k, v) -> {
            if (!NOT_COPIED.contains(k)) {
                copy.put(k, v);
            }
        });
        copy.put(Dma2Port.ENGINE_SERVICE_ID, properties.get("service.id"));
        ports.put(engine, context.registerService(Dma2Port.class, new Port(engine), copy));
    }

    void removeEngine(DmaEngine engine) {
        ServiceRegistration<Dma2Port> registration = ports.remove(engine);
        if (registration != null) {
            unregister(registration);
        }
    }

    @Deactivate
    void deactivate() {
        new ArrayList<>(ports.keySet()).forEach(this::removeEngine);
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The bundle is stopping and the framework withdrew it first.
        }
    }

    /** The port on one engine: arrays to 2.x descriptors and back, nothing kept. */
    record Port(DmaEngine engine) implements Dma2Port {

        @Override
        public int channels() {
            return engine.channels();
        }

        @Override
        public void enable() {
            engine.enable();
        }

        @Override
        public void submit(int channel, long[] sources, long[] destinations, long[] lengths, int[] flags, Duration bound) {
            int n = sources.length;
            if (destinations.length != n || lengths.length != n || flags.length != n) {
                throw new IllegalArgumentException("descriptor columns of different lengths: " + n + ", "
                        + destinations.length + ", " + lengths.length + ", " + flags.length);
            }
            List<DmaDescriptor> descriptors = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                descriptors.add(new DmaDescriptor(space(flags[i], SOURCE_HOST), sources[i],
                        space(flags[i], DESTINATION_HOST), destinations[i], lengths[i], (flags[i] & INTERRUPT) != 0));
            }
            engine.submit(channel, descriptors, bound);
        }

        private static MemorySpace space(int flags, int hostFlag) {
            return (flags & hostFlag) != 0 ? MemorySpace.HOST : MemorySpace.DEVICE;
        }

        @Override
        public void awaitIdle(int channel, Duration bound) {
            engine.awaitIdle(channel, bound);
        }

        @Override
        public int[] status(int channel) {
            DmaChannelStatus s = engine.status(channel);
            return new int[] {s.head(), s.tail(), s.done() ? 1 : 0, s.error() ? 1 : 0, s.errorCode()};
        }

        @Override
        public long bytesMoved() {
            return engine.bytesMoved();
        }
    }
}
