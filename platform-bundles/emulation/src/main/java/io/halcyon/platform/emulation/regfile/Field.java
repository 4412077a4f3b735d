package io.halcyon.platform.emulation.regfile;

/**
 * One field of one register as software sees it: position, access and side effects, and the storage
 * slot holding its bits (shared with the primary when the register is an alias). Immutable.
 */
final class Field {

    final String path;
    final int lsb;
    final int width;
    /** All ones over the field's width, right-aligned. */
    final long ones;
    /** The field's bits in register coordinates. */
    final long registerMask;
    final int slot;
    final SwAccess sw;
    final OnRead onRead;
    final OnWrite onWrite;
    final boolean singlepulse;
    /**
     * The field was given in msb0 order ({@code f[0:7]}): its value's bit 0 sits at the field's highest
     * register bit, so value and bus bits are mirror images (as PeakRDL-regblock's hwif has them).
     */
    final boolean reversed;
    /** Counter limits (incrsaturate/decrsaturate); a wrapping counter has ones / 0 and saturates false. */
    final boolean incrSaturates;
    final long incrLimit;
    final boolean decrSaturates;
    final long decrLimit;

    Field(String path, int lsb, int width, int slot, SwAccess sw, OnRead onRead, OnWrite onWrite, boolean singlepulse,
            boolean reversed, Long incrSaturate, Long decrSaturate) {
        if (width < 1 || lsb < 0 || lsb + width > 64) {
            throw new IllegalArgumentException(path + ": bits [" + (lsb + width - 1) + ":" + lsb + "] outside 64 bits");
        }
        this.path = path;
        this.lsb = lsb;
        this.width = width;
        this.ones = width == 64 ? -1L : (1L << width) - 1;
        this.registerMask = ones << lsb;
        this.slot = slot;
        this.sw = sw;
        this.onRead = onRead;
        this.onWrite = onWrite;
        this.singlepulse = singlepulse;
        this.reversed = reversed;
        this.incrSaturates = incrSaturate != null;
        this.incrLimit = incrSaturate != null ? incrSaturate & ones : ones;
        this.decrSaturates = decrSaturate != null;
        this.decrLimit = decrSaturate != null ? decrSaturate & ones : 0;
    }

    /** Between the field's value and its bits as the bus sees them (right-aligned); its own inverse. */
    long busView(long value) {
        return reversed ? Long.reverse(value) >>> (64 - width) : value;
    }
}
