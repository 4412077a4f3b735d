package io.halcyon.consumers.butr;

/** Bit arithmetic the checks share. */
final class Bits {
    private Bits() {
    }

    /** {@code width} low bits set (all 64 for 64). */
    static long ones(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /** The lowest bit where {@code a} and {@code b} differ within {@code mask}, or -1 if none does. */
    static int lowestDifference(long a, long b, long mask) {
        long diff = (a ^ b) & mask;
        return diff == 0 ? -1 : Long.numberOfTrailingZeros(diff);
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
