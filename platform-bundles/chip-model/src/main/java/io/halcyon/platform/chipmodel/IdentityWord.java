package io.halcyon.platform.chipmodel;

import java.util.Objects;

/**
 * One identity field of a chip map (a field the description marks {@code halcyon_identity}): where
 * it is and what it reads on this design. A platform reads {@code address} as a 32-bit word and
 * compares {@link #extract} of it with {@code expected}.
 *
 * @param path the field's path in the chip ({@code sysctrl.CHIP_ID.ID})
 * @param address absolute address of the 32-bit word holding the field
 * @param lsb lowest bit of the field within that word
 * @param width bits
 * @param expected the field's reset value in this design
 */
public record IdentityWord(String path, long address, int lsb, int width, long expected) {

    public IdentityWord {
        Objects.requireNonNull(path, "path");
        if (width < 1 || lsb < 0 || lsb + width > 32) {
            throw new IllegalArgumentException(path + ": bits [" + (lsb + width - 1) + ":" + lsb + "] outside a 32-bit word");
        }
        if ((address & 3) != 0) {
            throw new IllegalArgumentException(path + ": word address 0x" + Long.toHexString(address) + " is not 4-byte aligned");
        }
    }

    /** The field's bits within the word at {@link #address()}. */
    public int mask() {
        return (int) ((width >= 32 ? 0xFFFF_FFFFL : (1L << width) - 1) << lsb);
    }

    /** The field's value in a word read from {@link #address()}. */
    public long extract(int word) {
        return Integer.toUnsignedLong(word & mask()) >>> lsb;
    }

    /** The same field at the same place: two chip maps whose identity words all coincide cannot be told apart. */
    public boolean samePlace(IdentityWord other) {
        return address == other.address && lsb == other.lsb && width == other.width;
    }
}
