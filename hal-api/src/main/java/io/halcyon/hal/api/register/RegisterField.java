package io.halcyon.hal.api.register;

/**
 * Where one field of a register type sits, for conditions on it: {@code ChHead.INDEX_FIELD.is(3)}.
 * The generated value types hold one per readable field; drivers wait on the conditions through the
 * register's accessor, so no driver spells a mask or an address.
 *
 * <p>A record, not a plain class: the JIT trusts a record's final fields, so a condition made from a
 * generated constant folds to the mask and value a hand-written wait would spell.
 *
 * @param <V> the register's value type
 * @param name the field's name in the description, e.g. {@code INDEX} (with {@code & 0x..} when masked)
 * @param lsb its lowest bit in the register
 * @param width its width in bits, 1..64
 * @param compared the field's bits a condition compares, shifted down to bit 0 (all of them unless masked)
 */
public record RegisterField<V extends RegisterValue>(String name, int lsb, int width, long compared) {

    public RegisterField {
        if (width < 1 || width > 64 || lsb < 0 || lsb + width > 64) {
            throw new IllegalArgumentException(name + ": bits " + (lsb + width - 1) + ":" + lsb + " do not fit a register");
        }
        if (compared == 0 || (compared & ~ones(width)) != 0) {
            throw new IllegalArgumentException(String.format("%s: compared bits 0x%x are not within its %d bit(s)", name,
                    compared, width));
        }
    }

    /** The whole field. */
    public RegisterField(String name, int lsb, int width) {
        this(name, lsb, width, ones(width));
    }

    /** The compared bits in place within the register. */
    public long mask() {
        return compared << lsb;
    }

    /** {@code FIELD == value}. */
    public FieldCondition<V> is(long value) {
        return condition(value, true, null);
    }

    /** {@code FIELD != value}: the field has left that value. */
    public FieldCondition<V> isNot(long value) {
        return condition(value, false, null);
    }

    /**
     * The same field compared on some of its bits only: {@code STATUS.masked(0b110).is(0b010)}.
     *
     * @param bits field bits to compare (shifted down to bit 0), within the field's width
     */
    public RegisterField<V> masked(long bits) {
        if (bits == 0 || (bits & ~ones(width)) != 0) {
            throw new IllegalArgumentException(String.format("mask 0x%x is not within the %d bit(s) of field %s", bits, width, name));
        }
        return new RegisterField<>(name + (bits == ones(width) ? "" : String.format(" & 0x%x", bits)), lsb, width, bits);
    }

    /** The condition on this field's compared bits; its text shows {@code member} if given, else the number. */
    FieldCondition<V> condition(long value, boolean equal, Encoding member) {
        // A whole field is checked with a shift, not a mask: C2 proves an int value masked to the
        // field's width in range only that way, so a typed wait costs what a hand-written one does.
        if (compared == ones(width) ? width < 64 && (value >>> width) != 0 : (value & ~compared) != 0) {
            throw new IllegalArgumentException(String.format("%s %s 0x%x: the value has bits outside the compared 0x%x",
                    name, equal ? "==" : "!=", value, compared));
        }
        // A field in the low word is placed with int arithmetic: for the value of an int expression C2
        // then keeps to the instructions a hand-written 32-bit wait has (no widening to long and back).
        long placed = mask() >>> 32 == 0 ? Integer.toUnsignedLong((int) value << lsb) : value << lsb;
        return new FieldCondition<>(mask(), placed, equal, name, lsb, member);
    }

    static long ones(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    @Override
    public String toString() {
        return name + "[" + (lsb + width - 1) + ":" + lsb + "]";
    }
}
