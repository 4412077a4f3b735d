package io.halcyon.platform.emulation.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The chip's HBM contents: {@code size} bytes, little-endian, stored sparsely in {@value #PAGE_BYTES}-byte
 * pages allocated on the first write of a non-zero byte, so only the memory the workload touches costs
 * host memory; untouched bytes read 0. Hardware-side only (DMA and the tensor engine); the bus never
 * maps it. Like DRAM contents across a soft reset, it keeps its data when the chip resets.
 */
public final class DeviceMemory {

    static final int PAGE_BYTES = 64 * 1024;
    private static final int PAGE_SHIFT = 16;
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final long size;
    private final byte[][] pages;

    DeviceMemory(long size) {
        if (size <= 0 || size % PAGE_BYTES != 0 || size / PAGE_BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("device memory size " + size + " is not a positive number of 64 KiB pages");
        }
        this.size = size;
        this.pages = new byte[(int) (size / PAGE_BYTES)][];
    }

    public long size() {
        return size;
    }

    /** The range [address, address + length) lies inside the memory. */
    public boolean contains(long address, long length) {
        return address >= 0 && length >= 0 && address <= size && length <= size - address;
    }

    /** Pages holding data: what the memory costs the host, in units of 64 KiB. */
    public int pagesInUse() {
        int n = 0;
        for (byte[] p : pages) {
            n += p == null ? 0 : 1;
        }
        return n;
    }

    /** Copies {@code destination.remaining()} bytes from {@code address} into {@code destination}. */
    public void read(long address, ByteBuffer destination) {
        check(address, destination.remaining());
        while (destination.hasRemaining()) {
            int in = (int) (address & PAGE_BYTES - 1);
            int n = Math.min(PAGE_BYTES - in, destination.remaining());
            byte[] page = pages[(int) (address >>> PAGE_SHIFT)];
            if (page == null) {
                for (int i = 0; i < n; i++) {
                    destination.put((byte) 0);
                }
            } else {
                destination.put(page, in, n);
            }
            address += n;
        }
    }

    /** Copies {@code source.remaining()} bytes from {@code source} to {@code address}. */
    public void write(long address, ByteBuffer source) {
        check(address, source.remaining());
        while (source.hasRemaining()) {
            int in = (int) (address & PAGE_BYTES - 1);
            int n = Math.min(PAGE_BYTES - in, source.remaining());
            int p = (int) (address >>> PAGE_SHIFT);
            if (pages[p] == null && allZero(source, n)) {
                source.position(source.position() + n);
            } else {
                source.get(page(p), in, n);
            }
            address += n;
        }
    }

    /** Copies {@code length} bytes within the memory; overlapping ranges copy as if through a buffer. */
    public void copy(long from, long to, long length) {
        check(from, length);
        check(to, length);
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(length, PAGE_BYTES));
        boolean backwards = to > from && to < from + length;
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(chunk.capacity(), length - done);
            long offset = backwards ? length - done - n : done;
            chunk.clear().limit(n);
            read(from + offset, chunk);
            write(to + offset, chunk.flip());
            done += n;
        }
    }

    /** {@code count} fp32 values from {@code address} (4-byte aligned). */
    public float[] readFloats(long address, int count) {
        check(address, 4L * count);
        float[] values = new float[count];
        for (int i = 0; i < count; i++, address += 4) {
            byte[] page = pages[(int) (address >>> PAGE_SHIFT)];
            values[i] = page == null ? 0f : (float) FLOAT_LE.get(page, (int) (address & PAGE_BYTES - 1));
        }
        return values;
    }

    /**
     * Reads {@code count} bfloat16 values (2 bytes each, little-endian: the upper half of an fp32) from
     * {@code address}, widened to fp32 exactly.
     */
    public float[] readBf16(long address, int count) {
        check(address, 2L * count);
        float[] values = new float[count];
        for (int i = 0; i < count; i++, address += 2) {
            byte[] page = pages[(int) (address >>> PAGE_SHIFT)];
            int at = (int) (address & PAGE_BYTES - 1);
            int bits = page == null ? 0 : (page[at] & 0xFF) | (page[at + 1] & 0xFF) << 8;
            values[i] = Float.intBitsToFloat(bits << 16);
        }
        return values;
    }

    /** Stores {@code values} as fp32 from {@code address} (4-byte aligned). */
    public void writeFloats(long address, float[] values) {
        check(address, 4L * values.length);
        for (int i = 0; i < values.length; i++, address += 4) {
            FLOAT_LE.set(page((int) (address >>> PAGE_SHIFT)), (int) (address & PAGE_BYTES - 1), values[i]);
        }
    }

    private byte[] page(int p) {
        byte[] page = pages[p];
        if (page == null) {
            page = new byte[PAGE_BYTES];
            pages[p] = page;
        }
        return page;
    }

    private static boolean allZero(ByteBuffer source, int n) {
        for (int i = source.position(); i < source.position() + n; i++) {
            if (source.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private void check(long address, long length) {
        if (!contains(address, length)) {
            throw new IndexOutOfBoundsException(String.format("device memory [0x%x, +0x%x) outside 0x%x bytes", address, length, size));
        }
    }
}
