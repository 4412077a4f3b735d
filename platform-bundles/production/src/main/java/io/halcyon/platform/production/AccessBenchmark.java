package io.halcyon.platform.production;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Accesses per second on one register of a mapped device: through the HAL's bus ({@link DeviceAccess}'s
 * load or store, bounds check, access log, the all-ones check of reads) against raw accesses (volatile
 * loads and stores in one C loop compiled with -O2), in the same process and on the same register.
 * On a real device (or QEMU) each access costs a device round trip, which both sides pay; what the HAL
 * adds shows as the difference.
 *
 * <p>Like with like: both sides issue the same number of accesses to the same register, write the same
 * values (0, 1, ...) and sum what they read. The HAL's loops are methods of their own, run
 * {@value #WARM_UP_CALLS} times before anything is timed, so that a JVM that compiles them (C2) times
 * compiled code, not the interpreter or C1's profiling code that an on-stack replacement of one long loop
 * would run. The four measurements of a round run side by side, HAL and raw alternating which goes first,
 * {@value #ROUNDS} rounds of {@code count} accesses each: the best of each side, and the median of the rounds' HAL/raw ratios (each taken
 * from two measurements moments apart, so a change of the machine's load between rounds cancels out).
 */
final class AccessBenchmark {

    private AccessBenchmark() {
    }

    /**
     * Rounds of the four measurements; odd, for the median. Many short rounds rather than a few long ones: on
     * a loaded machine (a QEMU guest shares its host) the best of many short measurements is one the host did
     * not interrupt, for either side, and a round's HAL and raw measurements are moments apart.
     */
    static final int ROUNDS = 51;
    /** Calls of each HAL loop before the timed rounds, {@value #WARM_UP_LENGTH} accesses each: enough for C2. */
    static final int WARM_UP_CALLS = 2_000;
    static final int WARM_UP_LENGTH = 50;

    /** What the read loops sum, so that no JIT may consider the values unused. */
    private static volatile int sink;

    /**
     * Accesses per second (best round) of each side, the median HAL/raw ratios, and the JVM uptime when the
     * timed rounds began (compilations logged before it are what the timed rounds ran).
     */
    record Result(String register, int count, double halWrites, double rawWrites, double halReads, double rawReads,
            double writesRatioMedian, double readsRatioMedian, long timedFromUptimeMs) {
        String json() {
            return String.format(Locale.ROOT, "{\"bench\": \"%s\", \"count\": %d, \"rounds\": %d, \"access\": \"%s\", \"halWritesPerSecond\": %.0f,"
                    + " \"rawWritesPerSecond\": %.0f, \"halReadsPerSecond\": %.0f, \"rawReadsPerSecond\": %.0f,"
                    + " \"writesHalOverRaw\": %.3f, \"readsHalOverRaw\": %.3f, \"writesHalOverRawMedian\": %.3f,"
                    + " \"readsHalOverRawMedian\": %.3f, \"timedFromUptimeMs\": %d}", register, count, ROUNDS, DeviceAccess.KIND, halWrites, rawWrites,
                    halReads, rawReads, halWrites / rawWrites, halReads / rawReads, writesRatioMedian, readsRatioMedian,
                    timedFromUptimeMs);
        }
    }

    /**
     * Writes {@code count} values to the register at {@code address}, then reads it {@code count} times, each
     * through {@code bus} and raw, {@value #ROUNDS} rounds; the register must take any value (a scratch or
     * liveness register).
     */
    static Result run(ProductionBus bus, String register, long address, int count) {
        long raw = bus.device().region().at(address, 4, "bench");
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            halWrites(bus, address, WARM_UP_LENGTH);
            halReads(bus, address, WARM_UP_LENGTH);
        }
        long timedFrom = ManagementFactory.getRuntimeMXBean().getUptime();
        long[] halWrite = new long[ROUNDS];
        long[] rawWrite = new long[ROUNDS];
        long[] halRead = new long[ROUNDS];
        long[] rawRead = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            boolean halFirst = round % 2 == 0;
            if (halFirst) {
                halWrite[round] = halWrites(bus, address, count);
            }
            rawWrite[round] = Mmio.rawLoop(raw, count, true, 0);
            if (!halFirst) {
                halWrite[round] = halWrites(bus, address, count);
                halRead[round] = halReads(bus, address, count);
            }
            rawRead[round] = Mmio.rawLoop(raw, count, false, 0);
            if (halFirst) {
                halRead[round] = halReads(bus, address, count);
            }
        }
        return new Result(register, count, perSecond(count, min(halWrite)), perSecond(count, min(rawWrite)),
                perSecond(count, min(halRead)), perSecond(count, min(rawRead)), medianRatio(rawWrite, halWrite),
                medianRatio(rawRead, halRead), timedFrom);
    }

    /** {@code count} writes of 0, 1, ... through the bus; nanoseconds taken. */
    static long halWrites(ProductionBus bus, long address, int count) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            bus.write32(address, i);
        }
        return System.nanoTime() - t0;
    }

    /** {@code count} reads through the bus, summed; nanoseconds taken. */
    static long halReads(ProductionBus bus, long address, int count) {
        int sum = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sum += bus.read32(address);
        }
        long nanos = System.nanoTime() - t0;
        sink = sum;
        return nanos;
    }

    private static long min(long[] nanos) {
        return Arrays.stream(nanos).min().orElseThrow();
    }

    /** The median over the rounds of HAL accesses per second over raw ones (raw time over HAL time). */
    private static double medianRatio(long[] rawNanos, long[] halNanos) {
        double[] ratios = new double[rawNanos.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) rawNanos[i] / Math.max(1, halNanos[i]);
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }

    private static double perSecond(int count, long nanos) {
        return count * 1e9 / Math.max(1, nanos);
    }
}
