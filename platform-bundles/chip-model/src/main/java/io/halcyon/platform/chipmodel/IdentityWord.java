package io.halcyon.platform.chipmodel;

/**
 * One identity field of a chip map (a field the description marks {@code halcyon_identity}): where
 * it is and what it reads on this design. A platform reads {@code address} as a 32-bit word and
 * compares {@code (word & mask) >>> lsb} with {@code expected}.
 *
 * @param path the field's path in the chip ({@code sysctrl.CHIP_ID.ID})
 * @param address absolute address of the 32-bit word holding the field
 * @param lsb lowest bit of the field within that word
 * @param width bits
 * @param expected the field's reset value in this design
 */
public record IdentityWord(String path, long address, int lsb, int width, long expected) {

    /** The field's bits within the word at {@link #address()}. */
    public int mask() {
        return (int) ((width >= 32 ? 0xFFFF_FFFFL : (1L << width) - 1) << lsb);
    }

    /** The field's value in a word read from {@link #address()}. */
    public long extract(int word) {
        return Integer.toUnsignedLong(word & mask()) >>> lsb;
    }

    /** {@code path=0x..}, for messages. */
    public String describe(long value) {
        return path + "=0x" + Long.toHexString(value);
    }
}
