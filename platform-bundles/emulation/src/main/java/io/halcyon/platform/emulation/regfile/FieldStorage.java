package io.halcyon.platform.emulation.regfile;

/**
 * The flip-flops of one register file: one slot per field of a primary register. Alias registers'
 * fields point at their primary's slots, so both views see the same bits. Parallel arrays rather than
 * objects, so an access touches no allocation and little memory.
 */
final class FieldStorage {

    private final long[] values;
    private final long[] resets;
    /** Per slot: a write-once (w1/rw1) field has taken its one write since reset. */
    private final boolean[] written;

    FieldStorage(long[] resets) {
        this.resets = resets.clone();
        this.values = resets.clone();
        this.written = new boolean[resets.length];
    }

    long get(int slot) {
        return values[slot];
    }

    void set(int slot, long value) {
        values[slot] = value;
    }

    /** Claims the single write of a write-once field; false if it was already taken since reset. */
    boolean claimWriteOnce(int slot) {
        if (written[slot]) {
            return false;
        }
        written[slot] = true;
        return true;
    }

    void reset() {
        System.arraycopy(resets, 0, values, 0, values.length);
        java.util.Arrays.fill(written, false);
    }
}
