package io.halcyon.platform.chipmodel;

import java.util.List;
import java.util.Objects;

/**
 * A block's address map as elaborated: every register (array elements expanded, {@code CH[2].HEAD})
 * and memory, with offsets from the block's base.
 *
 * @param name the address map's type name, which is also the name of the block bundle that drives it
 * @param description one line from the description
 * @param size bytes the block decodes
 * @param registers in address order
 * @param memories in address order
 */
public record BlockType(String name, String description, long size, List<RegisterSpec> registers,
        List<MemorySpec> memories) {

    public BlockType {
        Objects.requireNonNull(name, "name");
        registers = List.copyOf(registers);
        memories = List.copyOf(memories);
    }
}
