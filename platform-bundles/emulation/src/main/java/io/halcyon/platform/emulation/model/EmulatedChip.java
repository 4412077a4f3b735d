package io.halcyon.platform.emulation.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.emulation.regfile.RegisterFileBuilder;

/**
 * A whole emulated chip, built from a chip map: every block instance at its base, with the behaviour
 * {@link BlockBehaviours} gives its type (a type without one is a plain register file), the HBM
 * contents, the host memory the chip reaches by DMA, one model clock and the injected faults. Every
 * register access costs {@link #ACCESS_NANOS} of device time. Plain Java (no OSGi), so it can run
 * behind any front end. Callers serialise access on the chip object (see EmulationBus); host memory
 * and faults lock for themselves.
 */
public final class EmulatedChip {

    /** Device time one register access takes on the emulated interconnect. */
    public static final long ACCESS_NANOS = 10;

    private final ChipModel map;
    private final ModelClock clock = new ModelClock();
    private final TreeMap<Long, BlockModel> blocks = new TreeMap<>();
    private final Map<String, BlockModel> byName = new HashMap<>();
    private final List<BlockBehaviour> behaviours = new ArrayList<>();
    private final HostAddressSpace hostMemory = new HostAddressSpace();
    private final ChipFaults faults = new ChipFaults(this);
    private final RegisterFaults registerFaults = new RegisterFaults();

    private EmulatedChip(ChipModel map, BlockBehaviours registry) {
        this.map = map;
        ChipParts parts = new ChipParts(map.name(), clock, faults, hostMemory, this::reset, this::resetBlock, behaviours);
        registry.byType().forEach((type, factory) -> {
            for (BlockInstance b : map.blocksOfType(type)) {
                BlockBehaviour behaviour = factory.create(b, parts);
                behaviours.add(behaviour);
                place(b, behaviour);
            }
        });
        for (BlockInstance b : map.blocks()) {
            if (!byName.containsKey(b.name())) {
                place(b, RegisterFileBuilder.build(b.type()));
            }
        }
        faults.attach(behaviours.stream().filter(HbmBehaviour.class::isInstance).map(HbmBehaviour.class::cast).findFirst()
                .orElse(null));
    }

    /** A chip of the design {@code map} at power-on, with the behaviours of the Halcyon block types. */
    public static EmulatedChip of(ChipModel map) {
        return of(map, BlockBehaviours.HALCYON);
    }

    /** A chip of the design {@code map} at power-on, its block types behaving as {@code behaviours} says. */
    public static EmulatedChip of(ChipModel map, BlockBehaviours behaviours) {
        return new EmulatedChip(map, behaviours);
    }

    private void place(BlockInstance b, BlockModel model) {
        blocks.put(b.base(), model);
        byName.put(b.name(), model);
    }

    /** The chip map this chip was built from. */
    public ChipModel map() {
        return map;
    }

    public ModelClock clock() {
        return clock;
    }

    /** Host memory the chip reaches by DMA (what the platform's HostMemory service hands out). */
    public HostAddressSpace hostMemory() {
        return hostMemory;
    }

    /** The HBM contents, for tests and tools that look at device memory without DMA. */
    public DeviceMemory deviceMemory() {
        return behaviours.stream().filter(HbmBehaviour.class::isInstance).map(b -> ((HbmBehaviour) b).memory()).findFirst()
                .orElseThrow(() -> new IllegalStateException("chip map " + map.name() + " has no HBM controller"));
    }

    /** Fault injection for bring-up failure tests. */
    public ChipFaults faults() {
        return faults;
    }

    /** Register-level faults in the access path (stuck bits, aliases, dropped writes, ...), for register tests. */
    public RegisterFaults registerFaults() {
        return registerFaults;
    }

    public int read32(long address, String operation) {
        if (!registerFaults.any()) {
            return readThrough(address, operation);
        }
        registerFaults.beforeRead(address, operation);
        return registerFaults.afterRead(address, readThrough(address, operation));
    }

    public void write32(long address, int value, String operation) {
        if (!registerFaults.any()) {
            writeThrough(address, value, operation);
        } else if (registerFaults.beforeWrite(address, value, operation)) {
            writeThrough(address, value, operation);
            registerFaults.afterWrite(address, value, operation, this::writeThrough);
        } else {
            clock.advance(ACCESS_NANOS);
        }
    }

    private int readThrough(long address, String operation) {
        clock.advance(ACCESS_NANOS);
        Map.Entry<Long, BlockModel> e = decode(address, operation);
        long value = e.getValue().readWord(address - e.getKey());
        if (value == BlockModel.NO_DECODE) {
            throw new DecodeErrorException(address, operation);
        }
        return (int) value;
    }

    private void writeThrough(long address, int value, String operation) {
        clock.advance(ACCESS_NANOS);
        Map.Entry<Long, BlockModel> e = decode(address, operation);
        if (!e.getValue().write32(address - e.getKey(), value)) {
            throw new DecodeErrorException(address, operation);
        }
    }

    /** Resets every block and drops pending hardware events, as a chip-wide soft reset does. */
    public void reset() {
        clock.cancelAll();
        blocks.values().forEach(BlockModel::reset);
    }

    private void resetBlock(String instance) {
        BlockModel block = byName.get(instance);
        if (block != null) {
            block.reset();
        }
    }

    private Map.Entry<Long, BlockModel> decode(long address, String operation) {
        Map.Entry<Long, BlockModel> e = blocks.floorEntry(address);
        if (e == null || address - e.getKey() >= e.getValue().size()) {
            throw new DecodeErrorException(address, operation);
        }
        return e;
    }
}
