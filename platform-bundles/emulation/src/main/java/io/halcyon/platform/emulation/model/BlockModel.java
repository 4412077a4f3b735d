package io.halcyon.platform.emulation.model;

/**
 * The behaviour of one hardware block in the emulated chip. Offsets are relative to the block's base.
 * Implementations return {@code null}/false for offsets they do not decode, and the chip turns that
 * into a decode error naming the absolute address.
 */
public interface BlockModel {

    /** Size of the block's address window in bytes. */
    long size();

    /** Reads a 32-bit register, with its read side effects; null if nothing answers at this offset. */
    Integer read32(long offset);

    /** Writes a 32-bit register with its write semantics; false if nothing answers at this offset. */
    boolean write32(long offset, int value);

    /** Puts every register back to its reset value and cancels the block's pending behaviour. */
    void reset();
}
