package io.halcyon.platform.chipmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A block's address map as elaborated: every register (array elements one by one, {@code CH[2].HEAD})
 * and memory, with offsets from the block's base.
 *
 * @param name the block type: its address map's definition name, which block bundles declare in their
 *     {@code halcyon.block} capability ({@code dma})
 * @param pid the factory configuration PID of the block's components, from the same capability: a
 *     platform publishes one configuration of it per block instance
 * @param description one line from the description
 * @param size bytes from the block's base to the end of its last register or memory
 * @param registers in address order
 * @param memories in address order
 */
public record BlockType(String name, String pid, String description, long size, List<RegisterSpec> registers,
        List<MemorySpec> memories) {

    public BlockType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pid, "pid");
        registers = List.copyOf(registers);
        memories = List.copyOf(memories);
    }

    /**
     * The address window a hardware decoder gives the block: its size rounded up to a power of two. A
     * block's base must be a multiple of it, so that the decoder selects the block by the upper address
     * bits alone and hands the lower bits to the block as the offset.
     */
    public long window() {
        return size <= 1 ? 1 : Long.highestOneBit(size - 1) << 1;
    }

    /** The register at {@code path} ({@code CH[2].HEAD}). */
    public Optional<RegisterSpec> register(String path) {
        return registers.stream().filter(r -> r.path().equals(path)).findFirst();
    }

    /** Like {@link #register(String)} for registers the caller cannot do without. */
    public RegisterSpec requireRegister(String path) {
        return register(path).orElseThrow(() -> new IllegalArgumentException("block type " + name + " has no register " + path));
    }

    /** The memory at {@code path} ({@code RING[2]}). */
    public MemorySpec requireMemory(String path) {
        return memories.stream().filter(m -> m.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("block type " + name + " has no memory " + path));
    }

    /** Whether reading {@code bytes} at {@code offset} touches a register whose read has side effects. */
    public boolean readHasSideEffects(long offset, int bytes) {
        return registers.stream().anyMatch(r -> r.offset() < offset + bytes && offset < r.offset() + r.bytes()
                && r.readHasSideEffects());
    }
}
