package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The native device accesses (src/main/c/halcyon_mmio.c). Every register access of the production
 * platform goes through {@link NativeAccess}: on JDK 17 {@link #read32}, {@link #read64}, {@link #write32}
 * or {@link #write64}, one JNI call, one fixed-width volatile load or store in C (on a JDK with
 * java.lang.foreign, a downcall of the same C). The JIT cannot merge, drop or reorder native calls
 * (it knows nothing of what they do), and the C side never reads before it writes, so each access
 * reaches the device exactly once whether the caller runs interpreted or compiled.
 *
 * <p>Addresses are process addresses inside a mapping made by {@link #map}; callers check bounds and
 * alignment first ({@link MappedRegion}), since a stray native access would crash the JVM.
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
