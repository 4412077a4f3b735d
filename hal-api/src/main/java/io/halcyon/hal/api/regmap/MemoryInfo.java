package io.halcyon.hal.api.regmap;

import org.osgi.annotation.versioning.ProviderType;

/** One memory ({@code mem}) of a {@link HardwareBlock}: {@code entries} words of {@code width} bits. */
@ProviderType
public interface MemoryInfo {

    /** Name as in the description; array elements carry their index, {@code RING[2]}. */
    String name();

    /** Byte offset of entry 0 from the block's base address. */
    long offset();

    /** Number of entries. */
    long entries();

    /** Bits per entry: 8, 16, 32 or 64. */
    int width();

    /** Software access to the entries. */
    Access software();

    /** True for a SystemRDL {@code external} memory: implemented outside the block's register logic. */
    boolean external();

    /** One line from the description. */
    String description();

    /** Bytes the memory occupies in the address space. */
    default long sizeBytes() {
        return entries() * (width() / 8);
    }
}
