package io.halcyon.platform.emulation.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host memory the emulated chip reaches by DMA: direct little-endian buffers at bus addresses from
 * {@link #FIRST_BUS_ADDRESS} up, 4 KiB aligned. Addresses only grow, with a 4 KiB hole after each
 * buffer, so a stale or overrunning DMA address hits nothing instead of someone else's buffer. Buffers
 * are allocated and closed from any thread while the chip works, hence the locking.
 */
public final class HostAddressSpace {

    public static final long FIRST_BUS_ADDRESS = 0x1_0000_0000L;
    public static final int PAGE_BYTES = 4096;
    /** Live host memory the emulated platform hands out at most. */
    public static final long CAPACITY_BYTES = 1L << 30;

    private final TreeMap<Long, ByteBuffer> buffers = new TreeMap<>();
    private long nextAddress = FIRST_BUS_ADDRESS;
    private long liveBytes;

    /** A zeroed buffer of {@code bytes} rounded up to 4 KiB, mapped at the returned bus address. */
    public synchronized Mapping allocate(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("host buffer size must be positive, was " + bytes);
        }
        long rounded = roundUpToPage(bytes);
        checkRoom(rounded);
        return place(ByteBuffer.allocateDirect((int) rounded).order(ByteOrder.LITTLE_ENDIAN));
    }

    /**
     * Maps memory someone else owns (a file shared with another process) at the next bus address. Its
     * capacity must be a positive multiple of 4 KiB.
     */
    public synchronized Mapping map(ByteBuffer buffer) {
        int bytes = buffer.capacity();
        if (bytes <= 0 || bytes % PAGE_BYTES != 0) {
            throw new IllegalArgumentException("host buffer size must be a positive multiple of " + PAGE_BYTES + ", was " + bytes);
        }
        checkRoom(bytes);
        return place(buffer.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** {@code bytes} rounded up to whole 4 KiB pages. */
    public static long roundUpToPage(int bytes) {
        return (bytes + (long) PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES;
    }

    private void checkRoom(long rounded) {
        if (rounded > Integer.MAX_VALUE || liveBytes + rounded > CAPACITY_BYTES) {
            throw new IllegalStateException("emulated host memory exhausted: " + liveBytes + " bytes live, "
                    + rounded + " more asked, capacity " + CAPACITY_BYTES);
        }
    }

    private Mapping place(ByteBuffer buffer) {
        long address = nextAddress;
        nextAddress += buffer.capacity() + PAGE_BYTES;
        buffers.put(address, buffer);
        liveBytes += buffer.capacity();
        return new Mapping(address, buffer);
    }

    /** Unmaps the buffer at {@code busAddress}; false if none is mapped there (already released). */
    public synchronized boolean release(long busAddress) {
        ByteBuffer b = buffers.remove(busAddress);
        if (b == null) {
            return false;
        }
        liveBytes -= b.capacity();
        return true;
    }

    /**
     * A little-endian view of [address, address + length) if one live buffer holds all of it, else null.
     */
    public synchronized ByteBuffer resolve(long address, long length) {
        Map.Entry<Long, ByteBuffer> e = buffers.floorEntry(address);
        if (e == null || length < 0) {
            return null;
        }
        long offset = address - e.getKey();
        ByteBuffer b = e.getValue();
        if (offset + length > b.capacity()) {
            return null;
        }
        return b.duplicate().position((int) offset).limit((int) (offset + length)).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public synchronized long liveBytes() {
        return liveBytes;
    }

    /** One mapped buffer. */
    public record Mapping(long busAddress, ByteBuffer buffer) {
    }
}
