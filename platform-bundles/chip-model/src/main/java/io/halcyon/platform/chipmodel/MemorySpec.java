package io.halcyon.platform.chipmodel;

import java.util.List;
import java.util.Objects;

/**
 * One memory ({@code mem}) of a block.
 *
 * @param path path within the block ({@code RING[2]})
 * @param offset byte offset of entry 0 from the block's base
 * @param entries number of entries ({@code mementries})
 * @param width bits per entry ({@code memwidth})
 * @param stride bytes from one entry to the next
 * @param sw software access to the entries
 * @param external true for an {@code external} memory
 * @param entryLayout the memory's virtual registers ({@code vreg}), offsets within one repeating
 *     record of the memory; empty when the description gives none
 */
public record MemorySpec(String path, long offset, long entries, int width, int stride, String sw, boolean external,
        List<RegisterSpec> entryLayout) {

    public MemorySpec {
        Objects.requireNonNull(path, "path");
        entryLayout = List.copyOf(entryLayout);
    }

    /** Bytes the memory occupies. */
    public long sizeBytes() {
        return entries * stride;
    }
}
