package io.halcyon.platform.emulation.model;

import java.util.LinkedHashMap;
import java.util.Map;

import io.halcyon.platform.chipmodel.BlockInstance;

/**
 * Which behaviour the emulation gives each block type, by the type's name in the chip model. A block
 * type without one is a plain register file, as its description says (a fuse or OTP block whose
 * contents are per-chip reset values needs nothing more). Behaviours are built in the order listed
 * here, so each may use those before it ({@link ChipParts#peer}).
 */
public final class BlockBehaviours {

    /** Makes the behaviour of one block instance. */
    @FunctionalInterface
    public interface Factory {
        BlockBehaviour create(BlockInstance block, ChipParts chip);
    }

    /** The behaviours of the Halcyon block types. */
    public static final BlockBehaviours HALCYON = new BlockBehaviours(Map.of())
            .with("intc", IntcBehaviour::new)
            .with("clkrst", ClkrstBehaviour::new)
            .with("hbm", HbmBehaviour::new)
            .with("telemetry", TelemetryBehaviour::new)
            .with("sysctrl", SysctrlBehaviour::new)
            .with("pcie", PcieBehaviour::new)
            .with("dma", DmaBehaviour::new)
            .with("dma2", DmaBehaviour::countingDoorbell)
            .with("tensor", TensorBehaviour::new)
            .with("edu", EduBehaviour::new);

    private final Map<String, Factory> byType;

    private BlockBehaviours(Map<String, Factory> byType) {
        this.byType = byType;
    }

    /** These behaviours and {@code type}'s, built after them. */
    public BlockBehaviours with(String type, Factory factory) {
        Map<String, Factory> more = new LinkedHashMap<>(byType);
        more.put(type, factory);
        return new BlockBehaviours(more);
    }

    /** The block types with a behaviour, in build order, and how each is made. */
    Map<String, Factory> byType() {
        return byType;
    }
}
