package io.halcyon.platform.emulation.server;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.halcyon.platform.emulation.model.HostAddressSpace;

/**
 * Host buffers of attached hosts, as the chip server sees them: files the host created and mapped,
 * mapped here too and placed in the chip's host address space, so the chip's DMA reads and writes the
 * very pages the host sees. A mapping outlives the connection that made it: a DMA that completes after
 * its host died still lands in the file, and the next host can find the buffer with {@link #list()}.
 */
final class SharedFileMappings {

    /** One shared buffer: where the chip sees it and which file holds it. */
    record SharedBuffer(long busAddress, int size, Path file) {
    }

    private final HostAddressSpace space;
    private final Map<Long, SharedBuffer> mapped = new TreeMap<>();

    SharedFileMappings(HostAddressSpace space) {
        this.space = space;
    }

    /**
     * Maps the first {@code size} bytes of {@code file} at the next free bus address.
     *
     * @throws IllegalArgumentException if the file is missing, shorter than {@code size} or cannot be mapped
     */
    synchronized long map(Path file, int size) {
        if (size <= 0 || size % HostAddressSpace.PAGE_BYTES != 0) {
            throw new IllegalArgumentException("shared host buffer " + file + ": size must be a positive multiple of "
                    + HostAddressSpace.PAGE_BYTES + ", was " + size);
        }
        MappedByteBuffer pages;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (channel.size() < size) {
                throw new IllegalArgumentException("shared host buffer " + file + " holds " + channel.size()
                        + " bytes, " + size + " asked");
            }
            pages = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        } catch (IOException e) {
            throw new IllegalArgumentException("shared host buffer " + file + " cannot be mapped: " + e.getMessage(), e);
        }
        long busAddress = space.map(pages).busAddress();
        mapped.put(busAddress, new SharedBuffer(busAddress, size, file));
        return busAddress;
    }

    /**
     * Takes the buffer at {@code busAddress} out of the chip's reach; false if none is mapped there. The
     * pages go back to the system when the collector drops the mapping (Java 17 has no explicit unmap).
     */
    synchronized boolean unmap(long busAddress) {
        if (mapped.remove(busAddress) == null) {
            return false;
        }
        return space.release(busAddress);
    }

    synchronized List<SharedBuffer> list() {
        return new ArrayList<>(mapped.values());
    }

    /** The chip is going away: unmaps every buffer left and deletes its file (no host can use it any more). */
    synchronized void releaseAll() {
        for (SharedBuffer b : list()) {
            unmap(b.busAddress());
            try {
                Files.deleteIfExists(b.file());
            } catch (IOException e) {
                System.err.println("chip server: could not delete " + b.file() + ": " + e.getMessage());
            }
        }
    }
}
