package io.halcyon.adapter.dma1.on.dma2;

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
 * Registers a 1.x {@link DmaEngine} for every {@link Dma2Port} (one per 2.x engine), with the port's properties
 * (chip, block, platform, generation, ...) and {@link #ADAPTER}. Generation 1 has no 2.x engine, so this never
 * registers anything beside a generation-1 driver.
 */
@Component(immediate = true)
public class Dma1OnDma2 {

    /** Service property on every 1.x engine this bundle registers; its value names the adapter. */
    public static final String ADAPTER = "halcyon.adapter";

    static final Set<String> NOT_COPIED = Set.of("objectClass", "service.id", "service.bundleid", "service.scope",
            "component.name", "component.id");

    private final BundleContext context;
    private final Map<Dma2Port, ServiceRegistration<DmaEngine>> engines = new ConcurrentHashMap<>();

    @Activate
    public Dma1OnDma2(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPort(Dma2Port port, Map<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        properties.forEach((k, v) -> {
            if (!NOT_COPIED.contains(k)) {
                copy.put(k, v);
            }
        });
        copy.put(ADAPTER, "dma1-on-dma2");
        engines.put(port, context.registerService(DmaEngine.class, new Engine(port), copy));
    }

    void removePort(Dma2Port port) {
        ServiceRegistration<DmaEngine> registration = engines.remove(port);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The bundle is stopping and the framework withdrew it first.
            }
        }
    }

    @Deactivate
    void deactivate() {
        new ArrayList<>(engines.keySet()).forEach(this::removePort);
    }

    /**
     * The 1.x contract on a 2.x engine. Every 1.x call has a 2.x equivalent: an {@code int} length fits the
     * 64-bit word, and 1.x's submit (descriptors, then the doorbell) is 2.x's post and ring. What 1.x cannot
     * say: lengths of 2 GiB and more (not reachable from 1.x), and error code 5 (a ring overflowed by a 2.x
     * caller's doorbell on the same channel), which {@link #status} passes through although 1.x documents 0-4.
     */
    record Engine(Dma2Port port) implements DmaEngine {

        @Override
        public int channels() {
            return port.channels();
        }

        @Override
        public void enable() {
            port.enable();
        }

        @Override
        public void submit(int channel, List<DmaDescriptor> descriptors, Duration bound) {
            int n = descriptors.size();
            long[] sources = new long[n];
            long[] destinations = new long[n];
            long[] lengths = new long[n];
            int[] flags = new int[n];
            for (int i = 0; i < n; i++) {
                DmaDescriptor d = descriptors.get(i);
                sources[i] = d.source();
                destinations[i] = d.destination();
                lengths[i] = d.length();
                flags[i] = (d.sourceSpace() == MemorySpace.HOST ? Dma2Port.SOURCE_HOST : 0)
                        | (d.destinationSpace() == MemorySpace.HOST ? Dma2Port.DESTINATION_HOST : 0)
                        | (d.interrupt() ? Dma2Port.INTERRUPT : 0);
            }
            port.submit(channel, sources, destinations, lengths, flags, bound);
        }

        @Override
        public void awaitIdle(int channel, Duration bound) {
            port.awaitIdle(channel, bound);
        }

        @Override
        public DmaChannelStatus status(int channel) {
            int[] s = port.status(channel);
            return new DmaChannelStatus(channel, s[0], s[1], s[2] != 0, s[3] != 0, s[4]);
        }

        @Override
        public long bytesMoved() {
            return port.bytesMoved();
        }
    }
}
