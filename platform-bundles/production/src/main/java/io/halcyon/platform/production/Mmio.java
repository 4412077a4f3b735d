package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The native library (src/main/c/halcyon_mmio.c): mapping a device's window, DMA memory, UIO interrupts,
 * the benchmark's raw C loop, and the four register accesses as JNI methods, one fixed-width volatile load
 * or store in C each. Register accesses normally do not come here: {@link DeviceAccess} issues them from
 * Java, and calls these JNI methods only where it cannot (or when told to, to compare).
 *
 * <p>Addresses are process addresses inside a mapping made by {@link #map}; callers check bounds and
 * alignment first ({@link MappedRegion}), since a stray access would crash the JVM.
 */
final class Mmio {

    /** System property: the library's file, for use outside a framework (unit tests); in a bundle, Bundle-NativeCode. */
    static final String LIBRARY_PROPERTY = "halcyon.mmio.library";

    static {
        String file = System.getProperty(LIBRARY_PROPERTY);
        if (file != null && !file.isBlank()) {
            System.load(file);
        } else {
            System.loadLibrary("halcyon_mmio");
        }
    }

    private Mmio() {
    }

    static native long map(String path, long offset, long length) throws IOException;

    static native void unmap(long address, long length);

    static native int read32(long address);

    static native long read64(long address);

    static native void write32(long address, int value);

    static native void write64(long address, long value);

    /** {@code count} 32-bit stores (or loads) in a C loop, the floor the benchmark compares with; nanoseconds taken. */
    static native long rawLoop(long address, int count, boolean write, int start);

    static native long allocatePinned(long bytes) throws IOException;

    /** The physical address of the byte at {@code address}, or -1 when the kernel does not tell (not root). */
    static native long physicalAddress(long address) throws IOException;

    static native ByteBuffer buffer(long address, long bytes);

    static native int openInterrupts(String path) throws IOException;

    /** The interrupt count after an interrupt, or -1 when {@code timeoutMillis} passed first. */
    static native int awaitInterrupt(int fd, int timeoutMillis) throws IOException;

    static native void enableInterrupts(int fd) throws IOException;

    static native void close(int fd);
}
