package io.halcyon.platform.chipmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chip map: a chip design's block instances at their bases, and how to recognise it.
 *
 * @param name the chip map's name (its top address map), e.g. {@code reference_gen1}
 * @param description one line from the description
 * @param blocks the block instances in address order
 * @param identity what the chip's identity registers read on this design; a platform matches these
 *     against the hardware before it publishes anything
 */
public record ChipModel(String name, String description, List<BlockInstance> blocks, List<IdentityWord> identity) {

    /** Service property of a registered chip model: its {@link #name()}. */
    public static final String NAME_PROPERTY = "halcyon.chipmap";

    public ChipModel {
        Objects.requireNonNull(name, "name");
        blocks = List.copyOf(blocks);
        identity = List.copyOf(identity);
    }

    /** The instance with this name ({@code "dma"}), if the chip has one. */
    public Optional<BlockInstance> block(String instanceName) {
        return blocks.stream().filter(b -> b.name().equals(instanceName)).findFirst();
    }

    /** Like {@link #block(String)} for instances the caller's design cannot do without. */
    public BlockInstance requireBlock(String instanceName) {
        return block(instanceName).orElseThrow(() -> new IllegalArgumentException(
                "chip map " + name + " has no block instance " + instanceName));
    }

    /** Instances of one block type ({@code "dma"}), in address order. */
    public List<BlockInstance> blocksOfType(String typeName) {
        return blocks.stream().filter(b -> b.type().name().equals(typeName)).toList();
    }

    /** The identity as one line: {@code sysctrl.CHIP_ID.ID=0x484c4359 sysctrl.VERSION.GENERATION=0x1 ...}. */
    public String identityText() {
        StringBuilder s = new StringBuilder();
        for (IdentityWord w : identity) {
            s.append(s.length() == 0 ? "" : " ").append(w.describe(w.expected()));
        }
        return s.toString();
    }
}
