package io.halcyon.platform.chipmodel;

import java.util.Objects;

/**
 * One block of a chip: an instance of a block type at a base address.
 *
 * @param name the instance name in the chip map ({@code dma}); what drivers and tools call the block
 * @param type the block type as this instance elaborates it
 * @param base absolute address of the block's first byte in the chip's register space
 */
public record BlockInstance(String name, BlockType type, long base) {

    public BlockInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Bytes of the chip's address space the block's registers and memories span. */
    public long size() {
        return type.size();
    }
}
