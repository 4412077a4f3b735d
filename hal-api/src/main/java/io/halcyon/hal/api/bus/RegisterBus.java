package io.halcyon.hal.api.bus;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Register access to one chip instance, as a platform provides it.
 *
 * <p>Addresses are absolute byte addresses in the chip's register space. 32-bit accesses must be
 * 4-byte aligned, 64-bit accesses 8-byte aligned. Every access issued through this interface
 * reaches the device exactly once, in program order: platforms never merge, drop or add accesses
 * (a read-to-clear register or a FIFO would otherwise lose data).
 *
 * <p>Failures are reported as {@link BusException} subclasses that name the address. They are
 * unchecked so that register accessors stay cheap to call; a driver that can recover catches them.
 *
 * <p>Service property {@link #CHIP} names the chip instance the bus reaches.
 */
@ProviderType
public interface RegisterBus {

    /** Service property: the chip instance (a small integer as a string, "0" for the first chip). */
    String CHIP = "halcyon.chip";

    /** Reads a 32-bit register. Blocks until the value is back. */
    int read32(long address);

    /** Reads a 64-bit register as one access. */
    long read64(long address);

    /** Writes a 32-bit register and returns once the device has accepted it (errors are thrown here). */
    void write32(long address, int value);

    /** Writes a 64-bit register as one access and waits for its completion. */
    void write64(long address, long value);

    /**
     * Posts a 32-bit write: it is issued in order with every other access but the caller does not wait
     * for its completion. An error it causes is thrown by the next {@link #flush()}, by the next
     * blocking access, or by the next {@link #await}, whichever comes first.
     */
    void post32(long address, int value);

    /** Posts a 64-bit write; see {@link #post32(long, int)}. */
    void post64(long address, long value);

    /** Waits until every posted write has completed; throws the first error one of them caused. */
    void flush();

    /**
     * Reads several 32-bit registers in one pipelined batch, in the order given. The result has the
     * same length as {@code addresses}. Read side effects happen exactly as for single reads.
     *
     * <p>The default reads them one by one, for a platform with nothing to pipeline (memory-mapped
     * registers); since 1.2.
     */
    default int[] read32(long[] addresses) {
        int[] values = new int[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            values[i] = read32(addresses[i]);
        }
        return values;
    }

    /** Reads several 64-bit registers in one pipelined batch; see {@link #read32(long[])}. */
    default long[] read64(long[] addresses) {
        long[] values = new long[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            values[i] = read64(addresses[i]);
        }
        return values;
    }

    /**
     * Waits, on the device's time base, until {@code (read32(address) & mask) == expected}, for at
     * most {@code bound} of device time: simulated time on RTL simulation, model time on emulation,
     * wall-clock time on production hardware. The platform polls the register its own way (inside
     * the simulator, by advancing the model, or by reading it) and never sleeps the caller longer
     * than needed. Posted writes are flushed first.
     *
     * @param bound positive device-time bound
     * @return the outcome; {@link WaitResult#met()} is false when the bound passed first
     */
    WaitResult await(long address, int mask, int expected, Duration bound);

    /**
     * Waits, on the device's time base, until {@code (read32(address) & mask) != value}, for at most
     * {@code bound} of device time: the "has left this state" wait. Posted writes are flushed first.
     *
     * <p>The default polls with blocking reads and measures with {@link #deviceTimeNanos()}, which is
     * correct on every platform because each read costs device time there (model time, simulated
     * cycles, wall-clock time); a platform that can evaluate the condition next to the device
     * overrides it.
     *
     * @param bound positive device-time bound
     * @return the outcome; {@link WaitResult#met()} is true once the masked value differs from {@code value}
     * @since 1.1
     */
    default WaitResult awaitNot(long address, int mask, int value, Duration bound) {
        long limit = bound.toNanos();
        if (limit <= 0) {
            throw new IllegalArgumentException("awaitNot: bound " + bound + " is not positive");
        }
        flush();
        long start = deviceTimeNanos();
        while (true) {
            int seen = read32(address);
            long spent = deviceTimeNanos() - start;
            if ((seen & mask) != value) {
                return new WaitResult(address, true, seen, spent);
            }
            if (spent >= limit) {
                return new WaitResult(address, false, seen, spent);
            }
            Thread.onSpinWait();
        }
    }

    /** The device's current time in nanoseconds since the platform attached to it. */
    long deviceTimeNanos();
}
