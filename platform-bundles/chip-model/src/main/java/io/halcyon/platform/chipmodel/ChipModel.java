package io.halcyon.platform.chipmodel;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One chip map: a chip design's block instances at their bases, and how to recognise it.
 *
 * @param name the chip map's name (its top address map), e.g. {@code reference_gen1}
 * @param description one line from the description
 * @param blocks the block instances in address order, each with the block type as this chip
 *     elaborates it (per-chip values such as identity or fuse contents included)
 * @param identity what the chip's identity fields read on this design; a platform matches these
 *     against the hardware before it publishes anything
 * @param generation the chip's generation: the reset value of the identity field its description marks
 *     {@code halcyon_generation} ({@code sysctrl.VERSION.GENERATION}), 1 for a design that marks none (QEMU's
 *     edu). Platforms publish it with every block configuration; drivers declare the generations they serve
 *     (a {@code halcyon.driver} capability) and a chip no installed driver serves is not published
 */
public record ChipModel(String name, String description, List<BlockInstance> blocks, List<IdentityWord> identity,
        long generation) {

    public ChipModel {
        Objects.requireNonNull(name, "name");
        if (generation < 1) {
            throw new IllegalArgumentException("chip map " + name + ": generation " + generation + " is not positive");
        }
        blocks = List.copyOf(blocks);
        identity = List.copyOf(identity);
        Set<String> names = new HashSet<>();
        for (BlockInstance b : blocks) {
            if (!names.add(b.name())) {
                throw new IllegalArgumentException("chip map " + name + " has two block instances named " + b.name());
            }
        }
    }

    /** A design of generation 1, for descriptions that mark no generation field. */
    public ChipModel(String name, String description, List<BlockInstance> blocks, List<IdentityWord> identity) {
        this(name, description, blocks, identity, 1);
    }

    /** The instance with this name ({@code "dma"}), if the chip has one. */
    public Optional<BlockInstance> block(String instanceName) {
        return blocks.stream().filter(b -> b.name().equals(instanceName)).findFirst();
    }

    /** Like {@link #block(String)} for instances the caller cannot do without. */
    public BlockInstance requireBlock(String instanceName) {
        return block(instanceName).orElseThrow(() -> new IllegalArgumentException(
                "chip map " + name + " has no block instance " + instanceName));
    }

    /** Instances of one block type ({@code "dma"}), in address order. */
    public List<BlockInstance> blocksOfType(String typeName) {
        return blocks.stream().filter(b -> b.type().name().equals(typeName)).toList();
    }

    /** The instance whose address map holds {@code address}, if any. */
    public Optional<BlockInstance> blockAt(long address) {
        return blocks.stream().filter(b -> address - b.base() >= 0 && address - b.base() < b.size()).findFirst();
    }

    /**
     * Whether a 32-bit read at {@code address} would touch a register whose read has side effects on
     * a chip of this design (read-to-clear, read-to-set, a user-defined read action, an external
     * register): such a word must not be read to find out what a chip is.
     */
    public boolean readHasSideEffects(long address) {
        return blockAt(address).map(b -> b.type().readHasSideEffects(address - b.base(), 4)).orElse(false);
    }
}
