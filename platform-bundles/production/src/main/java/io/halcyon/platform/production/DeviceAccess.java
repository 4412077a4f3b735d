package io.halcyon.platform.production;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.List;

/**
 * The four register accesses of the production platform, each exactly one load or store of the register's
 * width on the device's mapping, interpreted or compiled.
 *
 * <p><b>How.</b> Each access is a plain load or store of an absolute address, bracketed by fences:
 * <ul>
 * <li>Plain, not volatile or opaque: an interpreted volatile or opaque store is the JVM's native
 * {@code Unsafe.putIntVolatile}, an {@code xchg} on x86, which reads the register before it writes it. A
 * plain store, interpreted, is the native {@code Unsafe.putInt}: one {@code mov}; compiled, it is one
 * {@code mov} in the caller's code (C1 and C2 intrinsics), with no call at all.
 * <li>Fences, because plain accesses alone are merged, dropped or forwarded by C2 (10,000 stores to one
 * register reached the device about 2,160 times). A write is {@code releaseFence; store; acquireFence}, a
 * read {@code load; acquireFence}. In C2 a fence is a memory barrier node that every memory access is
 * ordered against: a store is only ever removed when the next store to the address follows it directly in
 * the memory graph, which the fence prevents; a load may look through a release fence for a stored value
 * to reuse but not through an acquire fence (C2's {@code LoadNode::can_see_stored_value}), which is why
 * each access ends with one; and nothing moves across a fence. The release fence before a store also keeps
 * the host memory a driver filled (a DMA descriptor) written before the doorbell store that hands it to the
 * device. On x86-64 both fences are instructions for the compiler only: the code is exactly the raw
 * {@code mov}, and uncached device mappings keep their accesses in program order. Other architectures
 * would need device barriers (the native library refuses to build there).
 * <li>64-bit accesses are one 8-byte {@code mov} (aligned: {@link ProductionBus} checks): never torn.
 * </ul>
 * The QEMU HITL counts every access the device sees against the HAL's own count, interpreted (the
 * platform's classes and the JDK methods below excluded from compilation) and compiled by C2, on JDK 17
 * and on Temurin 25.
 *
 * <p><b>Which primitive.</b> On a JDK with {@code java.lang.foreign} (22 and later): plain
 * {@code ValueLayout} var handles on a segment spanning the whole address space. On JDK 17 to 21: the plain
 * memory methods of {@code sun.misc.Unsafe} (warned about from JDK 24 on, hence not used there). Both are reached
 * by reflection once (the bundle is compiled for Java 17) and held as constant method handles, which C2
 * inlines down to the load or store. When neither can be had, and with
 * {@code -Dhalcyon.production.access=jni}, each access is a call of the native library's JNI method
 * ({@link Mmio}): as exact, slower (a JNI transition per access). {@link #KIND} says which.
 */
final class DeviceAccess {

    static final String FFM = "ffm";
    static final String UNSAFE = "unsafe";
    static final String JNI = "jni";

    /** System property: {@value #JNI} makes every access a JNI call of the native library (to compare, or as a way out). */
    static final String PROPERTY = "halcyon.production.access";

    /** {@value #FFM}, {@value #UNSAFE} or {@value #JNI}: how this JVM reaches the device. */
    static final String KIND;

    private static final MethodHandle READ32;
    private static final MethodHandle READ64;
    private static final MethodHandle WRITE32;
    private static final MethodHandle WRITE64;

    static {
        String kind = JNI.equals(System.getProperty(PROPERTY)) ? JNI : Runtime.version().feature() >= 22 ? FFM : UNSAFE;
        List<MethodHandle> handles = handles(kind);
        if (handles == null) {
            kind = JNI;
            handles = handles(JNI);
        }
        KIND = kind;
        READ32 = handles.get(0);
        READ64 = handles.get(1);
        WRITE32 = handles.get(2);
        WRITE64 = handles.get(3);
    }

    private DeviceAccess() {
    }

    static int read32(long address) {
        int value;
        try {
            value = (int) READ32.invokeExact(address);
        } catch (Throwable t) {
            throw failed(t);
        }
        VarHandle.acquireFence();
        return value;
    }

    static long read64(long address) {
        long value;
        try {
            value = (long) READ64.invokeExact(address);
        } catch (Throwable t) {
            throw failed(t);
        }
        VarHandle.acquireFence();
        return value;
    }

    static void write32(long address, int value) {
        VarHandle.releaseFence();
        try {
            WRITE32.invokeExact(address, value);
        } catch (Throwable t) {
            throw failed(t);
        }
        VarHandle.acquireFence();
    }

    static void write64(long address, long value) {
        VarHandle.releaseFence();
        try {
            WRITE64.invokeExact(address, value);
        } catch (Throwable t) {
            throw failed(t);
        }
        VarHandle.acquireFence();
    }

    /**
     * The four accesses of {@code kind} as method handles (read32 {@code (long)int}, read64 {@code (long)long},
     * write32 {@code (long,int)void}, write64 {@code (long,long)void}, absolute addresses), or null when this
     * JVM cannot give them (no java.lang.foreign, no sun.misc.Unsafe, native access refused).
     */
    static List<MethodHandle> handles(String kind) {
        return switch (kind) {
            case FFM -> foreignMemory();
            case UNSAFE -> unsafeMemory();
            case JNI -> jniMethods();
            default -> throw new IllegalArgumentException("unknown access kind " + kind);
        };
    }

    /** None of the primitives throws: only an error of the JVM itself lands here. */
    private static RuntimeException failed(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            return e;
        }
        return new IllegalStateException("register access failed", t);
    }

    /**
     * JDK 22 and later: the plain var handles of {@code ValueLayout.JAVA_INT_UNALIGNED} and {@code JAVA_LONG_UNALIGNED} on
     * {@code MemorySegment.NULL.reinterpret(Long.MAX_VALUE)}, so an offset is an absolute address. Null when
     * the API is not there or refuses (reinterpret is a restricted method: the launcher enables native access).
     */
    private static List<MethodHandle> foreignMemory() {
        try {
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> valueLayouts = Class.forName("java.lang.foreign.ValueLayout");
            Object everything = segmentType.getMethod("reinterpret", long.class).invoke(segmentType.getField("NULL").get(null), Long.MAX_VALUE);
            // ValueLayout.varHandle(): coordinates (MemorySegment, long offset), plain access. The unaligned
            // layouts, because the bus has checked alignment already (an aligned access is still one mov).
            VarHandle ints = (VarHandle) valueLayouts.getMethod("varHandle").invoke(valueLayouts.getField("JAVA_INT_UNALIGNED").get(null));
            VarHandle longs = (VarHandle) valueLayouts.getMethod("varHandle").invoke(valueLayouts.getField("JAVA_LONG_UNALIGNED").get(null));
            if (!ints.coordinateTypes().equals(List.of(segmentType, long.class))
                    || !longs.coordinateTypes().equals(List.of(segmentType, long.class))) {
                return null; // an API shape this class was not written for
            }
            return List.of(
                    bound(ints.toMethodHandle(VarHandle.AccessMode.GET), everything, MethodType.methodType(int.class, long.class)),
                    bound(longs.toMethodHandle(VarHandle.AccessMode.GET), everything, MethodType.methodType(long.class, long.class)),
                    bound(ints.toMethodHandle(VarHandle.AccessMode.SET), everything, MethodType.methodType(void.class, long.class, int.class)),
                    bound(longs.toMethodHandle(VarHandle.AccessMode.SET), everything, MethodType.methodType(void.class, long.class, long.class)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** JDK 17 to 21: {@code sun.misc.Unsafe}'s getInt(long), getLong(long), putInt(long, int), putLong(long, long). */
    private static List<MethodHandle> unsafeMemory() {
        try {
            // From the platform class loader: a bundle's own loader sees only the packages it imports.
            Class<?> unsafeType = ClassLoader.getPlatformClassLoader().loadClass("sun.misc.Unsafe");
            Field field = unsafeType.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object unsafe = field.get(null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return List.of(
                    lookup.findVirtual(unsafeType, "getInt", MethodType.methodType(int.class, long.class)).bindTo(unsafe),
                    lookup.findVirtual(unsafeType, "getLong", MethodType.methodType(long.class, long.class)).bindTo(unsafe),
                    lookup.findVirtual(unsafeType, "putInt", MethodType.methodType(void.class, long.class, int.class)).bindTo(unsafe),
                    lookup.findVirtual(unsafeType, "putLong", MethodType.methodType(void.class, long.class, long.class)).bindTo(unsafe));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static List<MethodHandle> jniMethods() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            return List.of(
                    lookup.findStatic(Mmio.class, "read32", MethodType.methodType(int.class, long.class)),
                    lookup.findStatic(Mmio.class, "read64", MethodType.methodType(long.class, long.class)),
                    lookup.findStatic(Mmio.class, "write32", MethodType.methodType(void.class, long.class, int.class)),
                    lookup.findStatic(Mmio.class, "write64", MethodType.methodType(void.class, long.class, long.class)));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code access} with its segment argument fixed, of exactly {@code type}. */
    private static MethodHandle bound(MethodHandle access, Object segment, MethodType type) {
        MethodHandle h = MethodHandles.insertArguments(access, 0, segment);
        if (!h.type().equals(type)) {
            throw new IllegalStateException("unexpected access type " + h.type());
        }
        return h;
    }
}
