package io.halcyon.platform.production;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * The four register accesses of the production platform, each one call of the native library's single
 * volatile load or store ({@code src/main/c/halcyon_mmio.c}): on a JDK with {@code java.lang.foreign}
 * (22 and later) a critical FFM downcall of its plain C function ({@code halcyon_mmio_read32} etc.), else
 * the JNI method of {@link Mmio}.
 *
 * <p>Why two ways: in a QEMU guest, where every instruction of the JVM is emulated, JNI's thread-state
 * transition around each call (about 40 instructions) is a large part of an access; a critical downcall
 * has none (it runs the function as a leaf call, without letting a safepoint in, which a single load or
 * store can afford; the thread cannot be stopped for a GC during it, so a device that holds the bus would
 * hold a GC too, as long as its completion timeout). Exactly once holds on both ways: to the JIT, a
 * downcall is as opaque as a JNI call (it can neither merge two nor drop one), and both run the same C.
 *
 * <p>The FFM classes are reached by reflection, once, when this class is initialised: the bundle is compiled
 * for Java 17, which has no {@code java.lang.foreign}. The handles are constants ({@code static final}), so
 * C2 compiles {@code invokeExact} of them into a direct call of the downcall stub. Without the API, or when
 * the JVM refuses native access, the JNI methods are used; {@link #KIND} says which.
 */
final class NativeAccess {

    /** {@value #FFM} or {@value #JNI}: how the accesses reach the library on this JVM. */
    static final String KIND;
    static final String FFM = "ffm-critical";
    static final String JNI = "jni";

    /** System property: {@value #JNI} uses the JNI methods even where FFM is available (to compare the two). */
    static final String PROPERTY = "halcyon.production.access";

    private static final MethodHandle READ32;
    private static final MethodHandle READ64;
    private static final MethodHandle WRITE32;
    private static final MethodHandle WRITE64;

    static {
        MethodHandle[] handles = JNI.equals(System.getProperty(PROPERTY)) ? null : downcalls();
        KIND = handles == null ? JNI : FFM;
        READ32 = handles == null ? null : handles[0];
        READ64 = handles == null ? null : handles[1];
        WRITE32 = handles == null ? null : handles[2];
        WRITE64 = handles == null ? null : handles[3];
    }

    private NativeAccess() {
    }

    static int read32(long address) {
        if (READ32 == null) {
            return Mmio.read32(address);
        }
        try {
            return (int) READ32.invokeExact(address);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    static long read64(long address) {
        if (READ64 == null) {
            return Mmio.read64(address);
        }
        try {
            return (long) READ64.invokeExact(address);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    static void write32(long address, int value) {
        if (WRITE32 == null) {
            Mmio.write32(address, value);
            return;
        }
        try {
            WRITE32.invokeExact(address, value);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    static void write64(long address, long value) {
        if (WRITE64 == null) {
            Mmio.write64(address, value);
            return;
        }
        try {
            WRITE64.invokeExact(address, value);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** A downcall of a function that neither throws nor fails: only an error of the JVM itself lands here. */
    private static RuntimeException downcallFailed(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native register access failed", t);
    }

    /** The four downcall handles, or null when this JVM has no java.lang.foreign or refuses native access. */
    private static MethodHandle[] downcalls() {
        try {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> valueLayouts = Class.forName("java.lang.foreign.ValueLayout");
            Object intLayout = valueLayouts.getField("JAVA_INT").get(null);
            Object longLayout = valueLayouts.getField("JAVA_LONG").get(null);
            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            // The library Mmio loaded (System.loadLibrary, the bundle's class loader) is what loaderLookup searches.
            Class.forName(Mmio.class.getName(), true, NativeAccess.class.getClassLoader());
            Object lookup = lookupType.getMethod("loaderLookup").invoke(null);
            Object options = Array.newInstance(optionType, 1);
            Array.set(options, 0, optionType.getMethod("critical", boolean.class).invoke(null, false));
            Object[][] signatures = {
                {"halcyon_mmio_read32", intLayout, new Object[] {longLayout}, MethodType.methodType(int.class, long.class)},
                {"halcyon_mmio_read64", longLayout, new Object[] {longLayout}, MethodType.methodType(long.class, long.class)},
                {"halcyon_mmio_write32", null, new Object[] {longLayout, intLayout}, MethodType.methodType(void.class, long.class, int.class)},
                {"halcyon_mmio_write64", null, new Object[] {longLayout, longLayout}, MethodType.methodType(void.class, long.class, long.class)},
            };
            MethodHandle[] handles = new MethodHandle[signatures.length];
            for (int i = 0; i < signatures.length; i++) {
                Object[] s = signatures[i];
                Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, s[0]);
                if (symbol.isEmpty()) {
                    return null; // a library without the plain entry points: JNI it is
                }
                Object[] argumentLayouts = (Object[]) s[2];
                Object arguments = Array.newInstance(layoutType, argumentLayouts.length);
                for (int a = 0; a < argumentLayouts.length; a++) {
                    Array.set(arguments, a, argumentLayouts[a]);
                }
                Object descriptor = s[1] == null
                        ? descriptorType.getMethod("ofVoid", arguments.getClass()).invoke(null, arguments)
                        : descriptorType.getMethod("of", layoutType, arguments.getClass()).invoke(null, s[1], arguments);
                MethodHandle h = (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType, options.getClass())
                        .invoke(linker, symbol.get(), descriptor, options);
                if (!h.type().equals(s[3])) {
                    return null;
                }
                handles[i] = h;
            }
            return handles;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // no java.lang.foreign (JDK 17), or native access refused: the JNI methods do the same
        }
    }
}
