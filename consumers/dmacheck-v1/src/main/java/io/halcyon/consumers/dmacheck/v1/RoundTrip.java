package io.halcyon.consumers.dmacheck.v1;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;

/**
 * A consumer built against the 1.x DMA contract: a round trip through one submit. On generation 1 the engine is block-dma's driver, on generation 2 the adapter (adapters/dma1-on-dma2). The chip must be brought up (HBM trained, DMA enabled).
 */
@Component(service = Object.class, property = {"osgi.command.scope=dmacheck1", "osgi.command.function=roundtrip"})
public class RoundTrip {

    static final Duration BOUND = Duration.ofSeconds(1);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<Map.Entry<Map<String, Object>, DmaEngine>> engines;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<Map.Entry<Map<String, Object>, HostMemory>> memories;

    /**
     * Copies {@code bytes} of a pattern from a host buffer to HBM at {@code hbmAddress} and back into a second
     * host buffer on {@code channel}, and compares. Returns one line: chip, channel, bytes, the engine's channel
     * count and bytes-moved delta, and which bundle's DMA engine it was.
     *
     * @throws IllegalStateException if the chip has no engine of this contract, or the bytes differ
     */
    public String roundtrip(int chip, int channel, long hbmAddress, int bytes) {
        Map.Entry<Map<String, Object>, DmaEngine> engine = ofChip(engines, chip, "DMA engine (1.x contract)");
        HostMemory memory = ofChip(memories, chip, "host memory").getValue();
        DmaEngine dma = engine.getValue();
        try (HostBuffer out = memory.allocate(bytes); HostBuffer back = memory.allocate(bytes)) {
            ByteBuffer pattern = out.contents();
            for (int i = 0; i < bytes / 4; i++) {
                pattern.putInt(i * 4, (chip << 28) ^ (channel << 24) ^ (i * 0x9E3779B9));
            }
            long before = dma.bytesMoved();
            // 1.x: one submit posts both descriptors and rings the doorbell (the engine writes TAIL, or the adapter rings).
            dma.submit(channel, List.of(DmaDescriptor.toDevice(out.busAddress(), hbmAddress, bytes),
                    DmaDescriptor.toHost(hbmAddress, back.busAddress(), bytes)), BOUND);
            dma.awaitIdle(channel, BOUND);
            if (!out.contents().equals(back.contents())) {
                throw new IllegalStateException("chip " + chip + " channel " + channel + ": the bytes came back different");
            }
            return String.format("chip %d channel %d: %d bytes host->HBM->host identical; %d channels; %d bytes moved; engine of %s",
                    chip, channel, bytes, dma.channels(), dma.bytesMoved() - before, engine.getKey().get("component.name") != null
                            ? engine.getKey().get("component.name") : engine.getKey().get("halcyon.adapter"));
        }
    }

    private static <T> Map.Entry<Map<String, Object>, T> ofChip(List<Map.Entry<Map<String, Object>, T>> services, int chip, String what) {
        return services.stream().filter(e -> Objects.equals(String.valueOf(chip), String.valueOf(e.getKey().get("halcyon.chip"))))
                .findFirst().orElseThrow(() -> new IllegalStateException("chip " + chip + " has no " + what));
    }
}
