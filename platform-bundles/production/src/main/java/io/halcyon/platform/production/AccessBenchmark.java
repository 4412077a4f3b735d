package io.halcyon.platform.production;

import java.util.Locale;

/**
 * Accesses per second on one register of a mapped device: through the HAL's bus (a JNI call per access,
 * bounds check, access log) against raw accesses (the same volatile loads and stores in one C loop, no
 * JNI crossing), in the same process and on the same register. On a real device (or QEMU) each access
 * costs a device round trip, which is what both sides pay; what the HAL adds shows as the difference.
 */
final class AccessBenchmark {

    private AccessBenchmark() {
    }

    /** Millions of accesses per second, HAL and raw, writes and reads. */
    record Result(String register, int count, double halWrites, double rawWrites, double halReads, double rawReads) {
        String json() {
            return String.format(Locale.ROOT, "{\"bench\": \"%s\", \"count\": %d, \"halWritesPerSecond\": %.0f,"
                    + " \"rawWritesPerSecond\": %.0f, \"halReadsPerSecond\": %.0f, \"rawReadsPerSecond\": %.0f,"
                    + " \"writesHalOverRaw\": %.3f, \"readsHalOverRaw\": %.3f}", register, count, halWrites, rawWrites,
                    halReads, rawReads, halWrites / rawWrites, halReads / rawReads);
        }
    }

    /** Rounds, alternating HAL and raw, of which the fastest of each counts: what the other load on the machine costs is left out. */
    static final int ROUNDS = 5;

    /**
     * Writes {@code count} values to the register at {@code address}, then reads it {@code count} times, each
     * through {@code bus} and raw, {@value #ROUNDS} times alternating; the register must take any value (a
     * scratch or liveness register).
     */
    static Result run(ProductionBus bus, String register, long address, int count) {
        long raw = bus.device().region().at(address, 4, "bench");
        long halWrite = Long.MAX_VALUE;
        long rawWrite = Long.MAX_VALUE;
        long halRead = Long.MAX_VALUE;
        long rawRead = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                bus.write32(address, i);
            }
            halWrite = Math.min(halWrite, System.nanoTime() - t0);
            rawWrite = Math.min(rawWrite, Mmio.rawLoop(raw, count, true, 0));
            t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                bus.read32(address); // a native call: the JIT cannot drop it although its value is unused
            }
            halRead = Math.min(halRead, System.nanoTime() - t0);
            rawRead = Math.min(rawRead, Mmio.rawLoop(raw, count, false, 0));
        }
        return new Result(register, count, perSecond(count, halWrite), perSecond(count, rawWrite), perSecond(count, halRead),
                perSecond(count, rawRead));
    }

    private static double perSecond(int count, long nanos) {
        return count * 1e9 / Math.max(1, nanos);
    }
}
