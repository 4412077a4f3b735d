package io.halcyon.hal.api.register;

import java.util.Objects;

/**
 * A condition on a register's fields, {@code (register & mask) == value} or {@code != value}, made
 * from {@link RegisterField}s: what a driver waits for through the register's generated accessor
 * ({@code await}), with the text its timeout reports ({@code INDEX == 3}). The platform evaluates it
 * on the device's time base.
 *
 * @param <V> the register's value type
 */
public final class FieldCondition<V extends RegisterValue> {

    private final long mask;
    private final long value;
    private final boolean equal;
    /** The text is made only when asked (a timeout message): a condition in a driver's wait allocates nothing else. */
    private final String subject;
    private final int shift;
    private final Encoding member;
    private final FieldCondition<V> first;
    private final FieldCondition<V> second;

    /**
     * @param subject the field's name as the text shows it
     * @param shift the field's lowest bit: the text shows {@code value >>> shift}
     * @param member the encoding's member the text shows instead, or null
     */
    FieldCondition(long mask, long value, boolean equal, String subject, int shift, Encoding member) {
        this(mask, value, equal, subject, shift, member, null, null);
    }

    private FieldCondition(long mask, long value, boolean equal, String subject, int shift, Encoding member,
            FieldCondition<V> first, FieldCondition<V> second) {
        this.mask = mask;
        this.value = value;
        this.equal = equal;
        this.subject = subject;
        this.shift = shift;
        this.member = member;
        this.first = first;
        this.second = second;
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
        return new FieldCondition<>(mask | other.mask, value | other.value, true, null, 0, null, this, other);
    }

    /** {@code INDEX == 3}, {@code STATE != DETECT}, {@code RESET_DONE == 1 and COUNT == 3}. */
    @Override
    public String toString() {
        if (first != null) {
            return first + " and " + second;
        }
        String shown = member != null ? member.name() : hex(value >>> shift);
        return subject + (equal ? " == " : " != ") + shown;
    }

    private static String hex(long value) {
        return value >= 0 && value < 10 ? Long.toString(value) : "0x" + Long.toHexString(value);
    }
}
