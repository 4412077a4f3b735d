package io.halcyon.consumers.butr;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.butr.TestListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * The buses, platforms and register maps present in the framework, by chip instance. Only services are
 * kept, never what they return: a register map is read when a run starts, so an updated block bundle's
 * new map is the one tested. While a new version of a block is staged beside the running one, both
 * publish the block's map; a run then tests the running version's (registered first), and a health gate
 * that means the staged one passes it explicitly ({@code RegisterTests.run} with descriptions).
 */
@Component(service = ChipServices.class)
public class ChipServices {

    /** @param order the service id (registration order), to tell the running version's map from a staged one's */
    private record Entry<T>(int chip, T service, long order) {
    }

    /** The framework's registration-order property (org.osgi.framework.Constants.SERVICE_ID). */
    private static final String SERVICE_ID = "service.id";

    private final Map<Integer, RegisterBus> buses = new ConcurrentHashMap<>();
    private final Map<Integer, PlatformInfo> platforms = new ConcurrentHashMap<>();
    private final List<Entry<HardwareBlock>> blocks = new CopyOnWriteArrayList<>();
    private final List<TestListener> listeners = new CopyOnWriteArrayList<>();

    /** Watchers of every run (the whiteboard pattern), e.g. the web console's tests page. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(TestListener listener) {
        listeners.add(listener);
    }

    void removeListener(TestListener listener) {
        listeners.remove(listener);
    }

    /**
     * Tells every {@link TestListener} that a run ended: the one place both services report through. A
     * listener that throws is ignored; the run's result is the caller's either way.
     */
    void finished(TestRequest request, List<TestReport> reports) {
        List<TestReport> told = List.copyOf(reports);
        for (TestListener l : listeners) {
            try {
                l.finished(request, told);
            } catch (RuntimeException e) {
                // a watcher's bug; the run stands
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBus(RegisterBus bus, Map<String, Object> props) {
        buses.put(chip(props), bus);
    }

    void removeBus(RegisterBus bus, Map<String, Object> props) {
        buses.remove(chip(props), bus);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlatform(PlatformInfo platform, Map<String, Object> props) {
        platforms.put(chip(props), platform);
    }

    void removePlatform(PlatformInfo platform, Map<String, Object> props) {
        platforms.remove(chip(props), platform);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBlock(HardwareBlock block, Map<String, Object> props) {
        blocks.add(new Entry<>(chip(props), block, order(props)));
    }

    void removeBlock(HardwareBlock block, Map<String, Object> props) {
        blocks.removeIf(e -> e.service() == block);
    }

    Optional<RegisterBus> bus(int chip) {
        return Optional.ofNullable(buses.get(chip));
    }

    Optional<PlatformInfo> platform(int chip) {
        return Optional.ofNullable(platforms.get(chip));
    }

    /** The chip instance a platform of this kind reaches, if the host has one (the lowest, if several). */
    Optional<Integer> chipOf(PlatformKind kind) {
        return platforms.entrySet().stream().filter(e -> e.getValue().kind() == kind).map(Map.Entry::getKey).sorted().findFirst();
    }

    /**
     * The chip's blocks as their register maps read now, in address order; of two maps of one block (a
     * version staged beside the running one), the one registered first, which is the running version's.
     */
    List<BlockUnderTest> blocks(int chip) {
        Map<String, Entry<HardwareBlock>> first = new LinkedHashMap<>();
        blocks.stream().filter(e -> e.chip() == chip).sorted(Comparator.comparingLong(Entry::order))
                .forEach(e -> first.putIfAbsent(e.service().name(), e));
        return first.values().stream().map(e -> BlockUnderTest.of(e.service())).sorted(Comparator.comparingLong(BlockUnderTest::base))
                .toList();
    }

    /** Register maps from whichever chip has some: what a platform that is not attached would have been tested with. */
    List<BlockUnderTest> anyChipBlocks() {
        return blocks.stream().map(Entry::chip).sorted().findFirst().map(this::blocks).orElse(List.of());
    }

    private static long order(Map<String, Object> props) {
        return props.get(SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE;
    }

    private static int chip(Map<String, Object> props) {
        Object v = props.get(RegisterBus.CHIP);
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
