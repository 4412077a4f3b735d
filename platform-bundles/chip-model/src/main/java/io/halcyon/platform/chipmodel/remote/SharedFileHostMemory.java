package io.halcyon.platform.chipmodel.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;

/**
 * Host memory for a chip in another process: each buffer is a file (in /dev/shm by default, so it lives
 * in RAM) that this process maps and the chip server maps too, at the bus address it hands back. What
 * the host writes, the chip's DMA reads, and the other way round, with no copy and no message. A buffer
 * the host never closes (because it died) stays mapped in the server with its file.
 */
final class SharedFileHostMemory implements HostMemory {

    /** Host buffers are whole pages: what both processes map. */
    static final int PAGE_BYTES = 4096;

    private final ChipClient client;
    private final Path directory;

    SharedFileHostMemory(ChipClient client, Path directory) {
        this.client = client;
        this.directory = directory;
    }

    /** /dev/shm when it is a writable directory (memory-backed), otherwise the JVM's temporary directory. */
    static Path defaultDirectory() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public HostBuffer allocate(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("host buffer size must be positive, was " + bytes);
        }
        int size = Math.toIntExact((bytes + (long) PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES);
        Path file = null;
        try {
            file = Files.createTempFile(directory, "halcyon-hostmem-", ".buf");
            MappedByteBuffer pages;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                pages = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            }
            return new Buffer(client, client.map(file, size), pages, file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("host buffer of " + size + " bytes in " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file in a temporary directory is harmless
        }
    }

    private static final class Buffer implements HostBuffer {
        private final ChipClient client;
        private final long busAddress;
        private final MappedByteBuffer pages;
        private final Path file;
        private volatile boolean closed;

        Buffer(ChipClient client, long busAddress, MappedByteBuffer pages, Path file) {
            this.client = client;
            this.busAddress = busAddress;
            this.pages = pages;
            this.file = file;
        }

        @Override
        public long busAddress() {
            return busAddress;
        }

        @Override
        public int size() {
            return pages.capacity();
        }

        @Override
        public ByteBuffer contents() {
            if (closed) {
                throw new IllegalStateException(String.format("host buffer at 0x%x is closed", busAddress));
            }
            return pages.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Unmaps the buffer in the chip first, so no DMA reaches it, then removes its file. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                client.unmap(busAddress);
            } finally {
                deleteQuietly(file);
            }
        }

        @Override
        public String toString() {
            return String.format("host buffer 0x%x +0x%x in %s%s", busAddress, size(), file, closed ? " (closed)" : "");
        }
    }
}
