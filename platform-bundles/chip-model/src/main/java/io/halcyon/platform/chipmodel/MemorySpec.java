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
 * @param records the memory's virtual registers ({@code vreg}) as one record that repeats through
 *     the memory; null when the description gives none
 */
public record MemorySpec(String path, long offset, long entries, int width, int stride, String sw, boolean external,
        RecordLayout records) {

    public MemorySpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sw, "sw");
    }

    /** Bytes the memory occupies. */
    public long sizeBytes() {
        return entries * stride;
    }

    /** The record layout, for memories whose callers decode records. */
    public RecordLayout requireRecords() {
        if (records == null) {
            throw new IllegalArgumentException("memory " + path + " has no virtual registers");
        }
        return records;
    }

    /**
     * Virtual registers as one record: {@code DESC_SOURCE[16] @ 0x00 += 0x20; DESC_CONTROL[16] @ 0x10
     * += 0x20} is a record of 0x20 bytes, repeated 16 times, with DESC_SOURCE at 0 and DESC_CONTROL at
     * 0x10 of each record.
     *
     * @param count how many records the memory holds
     * @param stride bytes from one record to the next
     * @param registers the record's registers, named without index, offsets within the record
     */
    public record RecordLayout(long count, long stride, List<RegisterSpec> registers) {

        public RecordLayout {
            registers = List.copyOf(registers);
        }

        /** The register of the record called {@code name} ({@code DESC_CONTROL}). */
        public RegisterSpec register(String name) {
            return registers.stream().filter(r -> r.path().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("record has no register " + name));
        }
    }
}
