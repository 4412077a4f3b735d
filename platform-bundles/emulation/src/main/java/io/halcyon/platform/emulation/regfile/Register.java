package io.halcyon.platform.emulation.regfile;

import java.util.Arrays;

/**
 * One register of a register file: its fields' software semantics over shared storage, and the
 * listeners behaviour models attach to it. Accesses carry a bit mask of the register bits they cover,
 * because the bus may see only part of a register (a 32-bit access to a 64-bit register) or several
 * registers at once; only fields the mask touches see the access and its side effects.
 */
public final class Register {

    private static final SoftwareAccessListener[] NO_LISTENERS = {};

    private final String path;
    private final long offset;
    private final int widthBits;
    private final int accessWidthBits;
    private final Field[] fields;
    private final FieldStorage storage;
    private final boolean readable;
    private final boolean writable;
    private final boolean readSideEffects;
    private final boolean singlepulse;
    private SoftwareAccessListener[] writeListeners = NO_LISTENERS;
    private SoftwareAccessListener[] readListeners = NO_LISTENERS;

    Register(String path, long offset, int widthBits, int accessWidthBits, Field[] fields, FieldStorage storage) {
        if (widthBits < 8 || widthBits > 64 || Integer.bitCount(widthBits) != 1) {
            throw new IllegalArgumentException(path + ": regwidth " + widthBits + " (the emulation models 8..64)");
        }
        this.path = path;
        this.offset = offset;
        this.widthBits = widthBits;
        this.accessWidthBits = accessWidthBits;
        this.fields = fields.clone();
        this.storage = storage;
        this.readable = Arrays.stream(fields).anyMatch(f -> f.sw.readable());
        this.writable = Arrays.stream(fields).anyMatch(f -> f.sw.writable());
        this.readSideEffects = Arrays.stream(fields).anyMatch(f -> f.sw.readable() && f.onRead != OnRead.NONE);
        this.singlepulse = Arrays.stream(fields).anyMatch(f -> f.singlepulse);
    }

    public String path() {
        return path;
    }

    /** Byte offset within the register file. */
    public long offset() {
        return offset;
    }

    public int widthBits() {
        return widthBits;
    }

    public int accessWidthBits() {
        return accessWidthBits;
    }

    int bytes() {
        return widthBits / 8;
    }

    /** At least one field software can read (decides which of two registers sharing an address answers a read). */
    public boolean readable() {
        return readable;
    }

    /** At least one field software can write. */
    public boolean writable() {
        return writable;
    }

    /** Reading this register changes it (rclr/rset): health checks and reset tests must not read it. */
    public boolean hasReadSideEffects() {
        return readSideEffects;
    }

    /** What a software read would return now, without its side effects and without telling listeners. */
    public long peek() {
        long value = 0;
        for (Field f : fields) {
            if (f.sw.readable()) {
                value |= f.busView(storage.get(f.slot) & f.ones) << f.lsb;
            }
        }
        return value;
    }

    /** Adds a listener told after every software write (even one that changes nothing). */
    public synchronized void onWrite(SoftwareAccessListener listener) {
        writeListeners = append(writeListeners, listener);
    }

    /** Adds a listener told after every software read, once its side effects are applied. */
    public synchronized void onRead(SoftwareAccessListener listener) {
        readListeners = append(readListeners, listener);
    }

    /** A software read of the bits in {@code mask}: returns them, then applies rclr/rset of the fields read. */
    long read(long mask) {
        long value = 0;
        for (Field f : fields) {
            if ((f.registerMask & mask) == 0 || !f.sw.readable()) {
                continue;
            }
            value |= f.busView(storage.get(f.slot) & f.ones) << f.lsb;
            switch (f.onRead) {
                case CLEAR -> storage.set(f.slot, 0);
                case SET -> storage.set(f.slot, f.ones);
                case NONE -> { }
            }
        }
        value &= mask;
        for (SoftwareAccessListener l : readListeners) {
            l.accessed(value, mask);
        }
        return value;
    }

    /**
     * A software write of {@code data} to the bits in {@code mask} (byte enables, in register bit
     * positions): each writable field the mask touches takes its onwrite semantics on the covered bits;
     * bits outside the mask keep their value. Singlepulse fields fall back to 0 once listeners saw them.
     */
    void write(long data, long mask) {
        for (Field f : fields) {
            if ((f.registerMask & mask) == 0 || !f.sw.writable()) {
                continue;
            }
            if (f.sw.writeOnce() && !storage.claimWriteOnce(f.slot)) {
                continue;
            }
            // Onwrite kinds are bitwise, so they apply as well to the value as to its mirrored bus view.
            long old = storage.get(f.slot);
            long covered = f.busView((mask >>> f.lsb) & f.ones);
            long next = f.onWrite.next(old, f.busView((data >>> f.lsb) & f.ones), f.ones);
            storage.set(f.slot, (old & ~covered | next & covered) & f.ones);
        }
        for (SoftwareAccessListener l : writeListeners) {
            l.accessed(data & mask, mask);
        }
        if (singlepulse) {
            // The pulse lasts one cycle: listeners (the hardware reacting to it) saw it, now it is gone.
            for (Field f : fields) {
                if (f.singlepulse) {
                    storage.set(f.slot, 0);
                }
            }
        }
    }

    private static SoftwareAccessListener[] append(SoftwareAccessListener[] list, SoftwareAccessListener l) {
        SoftwareAccessListener[] copy = Arrays.copyOf(list, list.length + 1);
        copy[list.length] = java.util.Objects.requireNonNull(l);
        return copy;
    }

    @Override
    public String toString() {
        return path + " @0x" + Long.toHexString(offset);
    }
}
