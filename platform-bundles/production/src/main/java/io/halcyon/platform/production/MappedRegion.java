package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.file.Path;

import io.halcyon.hal.api.bus.DecodeErrorException;

/**
 * A device's register window mapped into this process: a PCI BAR's sysfs {@code resourceN} file or a
 * UIO map. Guards every native access: an address outside the window or misaligned is a decode error
 * (never a native access that could crash the JVM), and after {@link #close} nothing is accessed.
 */
final class MappedRegion implements AutoCloseable {

    private final Path file;
    private final long size;
    private volatile long base;

    private MappedRegion(Path file, long size, long base) {
        this.file = file;
        this.size = size;
        this.base = base;
    }

    /** Maps {@code size} bytes of {@code file} from {@code offset} (a UIO map's offset selects the map). */
    static MappedRegion map(Path file, long offset, long size) throws IOException {
        return new MappedRegion(file, size, Mmio.map(file.toString(), offset, size));
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** The process address of {@code address}, after checking the access fits the window and is aligned. */
    long at(long address, int bytes, String operation) {
        long b = base;
        if (b == 0 || address < 0 || address > size - bytes || (address & (bytes - 1)) != 0) {
            throw new DecodeErrorException(address, operation);
        }
        return b + address;
    }

    /** The process address of the window's first byte; 0 once closed. */
    long base() {
        return base;
    }

    @Override
    public synchronized void close() {
        long b = base;
        base = 0;
        if (b != 0) {
            Mmio.unmap(b, size);
        }
    }
}
