package io.halcyon.block.dma;

import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.dma.MemorySpace;

/**
 * Layout of the per-channel descriptor rings, memory {@code dma.RING[4]}: 64 entries of 64 bits per
 * channel, four words per descriptor (source, destination, length and flags, a word for software).
 * Written by hand because the register generator emits registers but not memories;
 * {@code DescriptorRingTest} holds these numbers to dma.rdl.
 */
final class DescriptorRing {

    /** Offset of RING[0] from the block's base. */
    static final long OFFSET = 0x1000;
    /** Bytes between the rings of neighbouring channels. */
    static final long STRIDE = 0x200;
    static final int WORD_BYTES = 8;
    static final int WORDS_PER_DESCRIPTOR = 4;
    /** Ring positions wrap at this; HEAD and TAIL are 4-bit indices. */
    static final int SLOTS = DmaEngine.RING_ENTRIES;
    /** Entries of one ring (64-bit words). */
    static final int ENTRIES = SLOTS * WORDS_PER_DESCRIPTOR;

    static final int SOURCE_WORD = 0;
    static final int DESTINATION_WORD = 1;
    static final int LENGTH_AND_FLAGS_WORD = 2;

    /** Flags in word 2, above the 32-bit length. */
    static final long SOURCE_IS_HOST = 1L << 32;
    static final long DESTINATION_IS_HOST = 1L << 33;
    static final long INTERRUPT_ON_COMPLETION = 1L << 34;

    private DescriptorRing() {}

    /** Absolute address of word {@code word} of descriptor {@code slot} in {@code channel}'s ring. */
    static long wordAddress(long blockBase, int channel, int slot, int word) {
        return blockBase + OFFSET + channel * STRIDE + ((long) slot * WORDS_PER_DESCRIPTOR + word) * WORD_BYTES;
    }

    static long lengthAndFlags(DmaDescriptor d) {
        long flags = (d.sourceSpace() == MemorySpace.HOST ? SOURCE_IS_HOST : 0)
                | (d.destinationSpace() == MemorySpace.HOST ? DESTINATION_IS_HOST : 0)
                | (d.interrupt() ? INTERRUPT_ON_COMPLETION : 0);
        return flags | Integer.toUnsignedLong(d.length());
    }

    /** The next position after {@code slot}, plus {@code n}, around the ring. */
    static int advance(int slot, int n) {
        return Math.floorMod(slot + n, SLOTS);
    }

    /** Slots software may fill: one always stays empty, so HEAD == TAIL means empty, never full. */
    static int free(int head, int tail) {
        return Math.floorMod(head - tail - 1, SLOTS);
    }
}
