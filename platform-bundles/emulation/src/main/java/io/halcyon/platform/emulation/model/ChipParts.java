package io.halcyon.platform.emulation.model;

import java.util.List;
import java.util.function.Consumer;

import io.halcyon.platform.chipmodel.BlockInstance;

/**
 * What the behaviour of one block may use of the chip it is part of while the chip is built: the
 * model clock, the injected faults, host memory, the chip-wide and per-block resets, and the
 * behaviours of other blocks built before it (the interrupt controller, clock and reset, HBM).
 */
public final class ChipParts {

    private final ModelClock clock;
    private final ChipFaults faults;
    private final HostAddressSpace hostMemory;
    private final Runnable chipReset;
    private final Consumer<String> blockReset;
    private final List<BlockBehaviour> built;
    private final String chipMap;

    ChipParts(String chipMap, ModelClock clock, ChipFaults faults, HostAddressSpace hostMemory, Runnable chipReset,
            Consumer<String> blockReset, List<BlockBehaviour> built) {
        this.chipMap = chipMap;
        this.clock = clock;
        this.faults = faults;
        this.hostMemory = hostMemory;
        this.chipReset = chipReset;
        this.blockReset = blockReset;
        this.built = built;
    }

    public ModelClock clock() {
        return clock;
    }

    public ChipFaults faults() {
        return faults;
    }

    /** Host memory the chip reaches by DMA. */
    public HostAddressSpace hostMemory() {
        return hostMemory;
    }

    /** Resets every block of the chip, as a chip-wide soft reset does. */
    public void resetChip() {
        chipReset.run();
    }

    /** Resets the block instance called {@code instance}; a reset line to no block of this chip resets nothing. */
    public void resetBlock(String instance) {
        blockReset.accept(instance);
    }

    /**
     * The one behaviour of class {@code type} on this chip, which {@code user}'s behaviour needs (the DMA
     * engine needs the HBM controller). Behaviours are built in the order {@link BlockBehaviours} lists
     * their types, so a behaviour can have those listed before it.
     *
     * @throws IllegalStateException naming both when the chip has none of them, or several
     */
    public <T extends BlockBehaviour> T peer(Class<T> type, BlockInstance user) {
        List<T> found = built.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("block " + user.name() + " of chip map " + chipMap + " needs the one "
                    + type.getSimpleName() + " of the chip, and the chip has " + found.size()
                    + (found.isEmpty() ? "" : " (" + String.join(", ", found.stream().map(b -> b.block().name()).toList()) + ")"));
        }
        return found.get(0);
    }
}
