package io.halcyon.hal.api.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.halcyon.hal.api.bus.RegisterBus;

/**
 * Several registers read in one pipelined batch, with typed results: a snapshot costs one round trip
 * on platforms where a round trip is expensive (RTL simulation: about 10 µs each).
 *
 * <pre>{@code
 * RegisterBatch batch = regs.batch();
 * RegisterBatch.Reading<ChHead> head = batch.add(regs.chHead(ch));
 * RegisterBatch.Reading<ChTail> tail = batch.add(regs.chTail(ch));
 * batch.read();
 * int free = ... head.value().index() ... tail.value().index() ...
 * }</pre>
 *
 * 32-bit registers are read in one batch in the order they were added, then 64-bit ones in another;
 * read side effects happen exactly as for single reads. A batch may be read again (a new snapshot).
 */
public final class RegisterBatch {

    private final RegisterBus bus;
    private final List<Reading<?>> narrow = new ArrayList<>();
    private final List<Reading<?>> wide = new ArrayList<>();

    public RegisterBatch(RegisterBus bus) {
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    /** Adds a register to the batch; its value is there after {@link #read()}. */
    public <V extends RegisterValue> Reading<V> add(ReadableRegister<V> register) {
        Reading<V> reading = new Reading<>(register);
        (register.width() == 64 ? wide : narrow).add(reading);
        return reading;
    }

    /** Reads every register added, in one pipelined batch per width. */
    public void read() {
        if (!narrow.isEmpty()) {
            int[] bits = bus.read32(addresses(narrow));
            for (int i = 0; i < bits.length; i++) {
                narrow.get(i).set(Integer.toUnsignedLong(bits[i]));
            }
        }
        if (!wide.isEmpty()) {
            long[] bits = bus.read64(addresses(wide));
            for (int i = 0; i < bits.length; i++) {
                wide.get(i).set(bits[i]);
            }
        }
    }

    private static long[] addresses(List<Reading<?>> readings) {
        long[] addresses = new long[readings.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = readings.get(i).register.address();
        }
        return addresses;
    }

    /**
     * One register's place in a batch.
     *
     * @param <V> the register's value type
     */
    public static final class Reading<V extends RegisterValue> {
        private final ReadableRegister<V> register;
        private V value;

        Reading(ReadableRegister<V> register) {
            this.register = Objects.requireNonNull(register, "register");
        }

        void set(long bits) {
            value = register.fromBits(bits);
        }

        /** The register's value from the last {@link RegisterBatch#read()}. */
        public V value() {
            if (value == null) {
                throw new IllegalStateException(register.path() + ": the batch has not been read yet");
            }
            return value;
        }

        /** The register this reading is of. */
        public ReadableRegister<V> register() {
            return register;
        }
    }
}
