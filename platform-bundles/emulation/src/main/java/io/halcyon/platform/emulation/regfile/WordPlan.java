package io.halcyon.platform.emulation.regfile;

/**
 * How one 32-bit bus word decodes, computed once: the register segments that answer reads and those
 * that take writes. They differ only where a read-only and a write-only register share an address.
 */
final class WordPlan {

    final Segment[] reads;
    final Segment[] writes;

    WordPlan(Segment[] reads, Segment[] writes) {
        this.reads = reads;
        this.writes = writes;
    }

    /** Composes the enabled lanes from the registers' reads; lanes nothing decodes read 0. */
    long read(int lanes) {
        long word = 0;
        for (Segment s : reads) {
            if ((s.laneMask & lanes) != 0) {
                long bits = s.registerBits(lanes);
                word |= s.toWord(s.register.read(bits));
            }
        }
        return word;
    }

    /** Splits the enabled lanes of {@code data} over the registers they belong to. */
    void write(int lanes, long data) {
        for (Segment s : writes) {
            if ((s.laneMask & lanes) != 0) {
                long bits = s.registerBits(lanes);
                s.register.write(s.fromWord(data) & bits, bits);
            }
        }
    }

    /** True when at least one enabled lane belongs to a register. */
    boolean decodes(int lanes) {
        for (Segment s : reads) {
            if ((s.laneMask & lanes) != 0) {
                return true;
            }
        }
        return false;
    }
}
