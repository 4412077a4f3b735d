package io.halcyon.platform.emulation.regfile;

/** The part of one 32-bit bus word that one register answers: {@code count} byte lanes from {@code lane}. */
final class Segment {

    /** Per 4-bit byte-enable pattern, the bit mask of the enabled bytes. */
    private static final long[] LANE_BITS = new long[16];

    static {
        for (int lanes = 0; lanes < 16; lanes++) {
            for (int i = 0; i < 4; i++) {
                if ((lanes & 1 << i) != 0) {
                    LANE_BITS[lanes] |= 0xFFL << 8 * i;
                }
            }
        }
    }

    final Register register;
    /** Byte of the register that lane {@code lane} carries. */
    final int registerByte;
    final int lane;
    final int laneMask;

    Segment(Register register, int registerByte, int lane, int count) {
        this.register = register;
        this.registerByte = registerByte;
        this.lane = lane;
        this.laneMask = ((1 << count) - 1) << lane;
    }

    /** Register bits carried by the enabled lanes of this segment. */
    long registerBits(int enabledLanes) {
        return LANE_BITS[(enabledLanes & laneMask) >>> lane] << 8 * registerByte;
    }

    /** Register value (bits already masked) moved to its lanes in the bus word. */
    long toWord(long registerValue) {
        return registerValue >>> 8 * registerByte << 8 * lane;
    }

    /** Bus word data moved to register bit positions. */
    long fromWord(long word) {
        return (word & LANE_BITS[laneMask]) >>> 8 * lane << 8 * registerByte;
    }
}
