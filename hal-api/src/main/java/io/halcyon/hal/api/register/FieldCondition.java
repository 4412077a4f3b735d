package io.halcyon.hal.api.register;

import java.time.Duration;
import java.util.Objects;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;

/**
 * A condition on a register's fields, {@code (register & mask) == value} or {@code != value}, made
 * from {@link RegisterField}s: what a driver waits for, with the text its timeout reports
 * ({@code INDEX == 3}). The platform evaluates it on the device's time base.
 *
 * @param <V> the register's value type
 */
public final class FieldCondition<V extends RegisterValue> {

    private final long mask;
    private final long value;
    private final boolean equal;
    private final String text;

    FieldCondition(long mask, long value, boolean equal, String text) {
        this.mask = mask;
        this.value = value;
        this.equal = equal;
        this.text = text;
    }

    /** The register bits compared. */
    public long mask() {
        return mask;
    }

    /** What the compared bits are compared with, in place. */
    public long value() {
        return value;
    }

    /** True for {@code ==}, false for {@code !=}. */
    public boolean equal() {
        return equal;
    }

    /** Whether a value of the register meets the condition. */
    public boolean test(V registerValue) {
        return ((registerValue.rawBits() & mask) == value) == equal;
    }

    /**
     * Both conditions at once: {@code RESET_DONE == 1 and COUNT == 3}. Only equalities combine (one
     * masked compare expresses them); the fields they compare must not disagree on a bit.
     */
    public FieldCondition<V> and(FieldCondition<V> other) {
        Objects.requireNonNull(other, "other");
        if (!equal || !other.equal) {
            throw new IllegalArgumentException("only == conditions combine: " + this + " and " + other);
        }
        long common = mask & other.mask;
        if ((value & common) != (other.value & common)) {
            throw new IllegalArgumentException(this + " and " + other + " can never both hold");
        }
        return new FieldCondition<>(mask | other.mask, value | other.value, true, text + " and " + other.text);
    }

    /**
     * Waits until the register meets the condition, for at most {@code bound} of device time.
     *
     * @param register a 32-bit register (the bus waits on 32-bit words)
     * @return the outcome; not met when the bound passed first
     */
    public WaitResult await(RegisterBus bus, ReadableRegister<V> register, Duration bound) {
        if (register.width() != 32) {
            throw new IllegalArgumentException(register.path() + ": waits are on 32-bit registers, this one has "
                    + register.width() + " bits");
        }
        return equal ? bus.await(register.address(), (int) mask, (int) value, bound)
                : bus.awaitNot(register.address(), (int) mask, (int) value, bound);
    }

    /**
     * {@link #await} that throws when the bound passed first.
     *
     * @throws WaitTimeoutException naming the register's path, this condition and the value last seen
     */
    public void awaitOrThrow(RegisterBus bus, ReadableRegister<V> register, Duration bound) {
        WaitResult result = await(bus, register, bound);
        if (!result.met()) {
            throw new WaitTimeoutException(register.path(), text, result);
        }
    }

    /** {@code INDEX == 3}, {@code STATE != DETECT}, {@code RESET_DONE == 1 and COUNT == 3}. */
    @Override
    public String toString() {
        return text;
    }
}
