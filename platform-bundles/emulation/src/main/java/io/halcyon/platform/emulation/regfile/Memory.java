package io.halcyon.platform.emulation.regfile;

/**
 * A SystemRDL {@code mem}: plain storage of {@code entries} words of {@code entryBits}, little-endian
 * bytes, no side effects. Pages are allocated on first write, so a large memory that software barely
 * touches costs little (the first write to a page allocates it; later accesses never allocate). Like
 * SRAM, contents survive a reset: SystemRDL gives memories no reset value. Behaviour models (DMA) use {@link #entry}/{@link #setEntry} as hardware.
 */
public final class Memory {

    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;

    private final String path;
    private final long offset;
    private final long entries;
    private final int entryBits;
    private final int entryBytes;
    private final long size;
    private final boolean readable;
    private final boolean writable;
    private final byte[][] pages;

    /** @param strideBytes bytes between entries: memwidth rounded up to a power-of-two number of bytes */
    Memory(String path, long offset, long entries, int entryBits, int strideBytes, SwAccess sw) {
        if (entryBits < 1 || entryBits > 64 || strideBytes * 8 < entryBits || strideBytes > 8) {
            throw new IllegalArgumentException(path + ": memwidth " + entryBits + " (the emulation models up to 64)");
        }
        this.path = path;
        this.offset = offset;
        this.entries = entries;
        this.entryBits = entryBits;
        this.entryBytes = strideBytes;
        this.size = entries * entryBytes;
        this.readable = sw.readable();
        this.writable = sw.writable();
        this.pages = new byte[(int) ((size + PAGE - 1) >>> PAGE_BITS)][];
    }

    public String path() {
        return path;
    }

    public long offset() {
        return offset;
    }

    public long size() {
        return size;
    }

    public long entries() {
        return entries;
    }

    public int entryBits() {
        return entryBits;
    }

    boolean contains(long blockOffset) {
        return blockOffset - offset >= 0 && blockOffset - offset < size;
    }

    /** Hardware read of one entry. */
    public long entry(long index) {
        checkIndex(index);
        long v = 0;
        for (int b = entryBytes - 1; b >= 0; b--) {
            v = v << 8 | byteAt(index * entryBytes + b) & 0xFF;
        }
        return v;
    }

    /**
     * Hardware read of {@code bytes} (1 to 8) at byte {@code at} of the memory, little-endian: a
     * virtual register of a record, wherever it falls among the entries.
     */
    public long read(long at, int bytes) {
        if (bytes < 1 || bytes > 8 || at < 0 || at + bytes > size) {
            throw new IndexOutOfBoundsException(path + ": " + bytes + " bytes at 0x" + Long.toHexString(at) + " (" + size + " bytes)");
        }
        long v = 0;
        for (int b = bytes - 1; b >= 0; b--) {
            v = v << 8 | byteAt(at + b) & 0xFF;
        }
        return v;
    }

    /** Hardware write of one entry. */
    public void setEntry(long index, long value) {
        checkIndex(index);
        if (entryBits < 64 && value >>> entryBits != 0) {
            throw new IllegalArgumentException(path + " entries are " + entryBits + " bits; 0x" + Long.toHexString(value) + " does not fit");
        }
        for (int b = 0; b < entryBytes; b++) {
            setByte(index * entryBytes + b, (byte) (value >>> 8 * b));
        }
    }

    /** Software read of the enabled lanes of the bus word at block offset {@code wordOffset}. */
    long readWord(long wordOffset, int lanes) {
        long word = 0;
        if (!readable) {
            return word;
        }
        for (int lane = 0; lane < 4; lane++) {
            long at = wordOffset + lane - offset;
            if ((lanes & 1 << lane) != 0 && at >= 0 && at < size) {
                word |= (byteAt(at) & 0xFFL) << 8 * lane;
            }
        }
        return word;
    }

    /** Software write of the enabled lanes; a read-only memory ignores it. */
    void writeWord(long wordOffset, int lanes, long data) {
        if (!writable) {
            return;
        }
        for (int lane = 0; lane < 4; lane++) {
            long at = wordOffset + lane - offset;
            if ((lanes & 1 << lane) != 0 && at >= 0 && at < size) {
                setByte(at, (byte) (data >>> 8 * lane));
            }
        }
    }

    private byte byteAt(long at) {
        byte[] page = pages[(int) (at >>> PAGE_BITS)];
        return page == null ? 0 : page[(int) (at & (PAGE - 1))];
    }

    private void setByte(long at, byte b) {
        int p = (int) (at >>> PAGE_BITS);
        if (pages[p] == null) {
            if (b == 0) {
                return;
            }
            pages[p] = new byte[PAGE];
        }
        pages[p][(int) (at & (PAGE - 1))] = b;
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= entries) {
            throw new IndexOutOfBoundsException(path + "[" + index + "] (" + entries + " entries)");
        }
    }

    @Override
    public String toString() {
        return path + " @0x" + Long.toHexString(offset) + " " + entries + "x" + entryBits;
    }
}
