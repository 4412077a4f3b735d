package io.halcyon.platform.emulation.model;

/**
 * The behaviour of one hardware block in the emulated chip. Offsets are relative to the block's base.
 * Implementations return {@code null}/false for offsets they do not decode, and the chip turns that
 * into a decode error naming the absolute address.
 */
public interface BlockModel {

    /** What {@link #readWord} returns when nothing decodes at the offset (outside the 32-bit range). */
    long NO_DECODE = -1L;

    /** Size of the block's address window in bytes. */
    long size();

    /** Reads a 32-bit register, with its read side effects; null if nothing answers at this offset. */
    Integer read32(long offset);

    /**
     * The chip's read path: {@link #read32} without boxing, the value zero-extended, or
     * {@link #NO_DECODE}. Models on the hot path override it so a read allocates nothing.
     */
    default long readWord(long offset) {
        Integer v = read32(offset);
        return v == null ? NO_DECODE : Integer.toUnsignedLong(v);
    }

    /** Writes a 32-bit register with its write semantics; false if nothing answers at this offset. */
    boolean write32(long offset, int value);

    /** Puts every register back to its reset value and cancels the block's pending behaviour. */
    void reset();
}
