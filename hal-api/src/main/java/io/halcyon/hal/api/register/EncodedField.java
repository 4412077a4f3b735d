package io.halcyon.hal.api.register;

/**
 * A field whose values are named by an encoding: conditions take the generated enum's members,
 * {@code Status.STATE_FIELD.is(HbmState.TRAINED)}, and their text names them.
 *
 * @param <V> the register's value type
 * @param <E> the field's encoding
 * @param field where the field sits (what {@code FIELDS} and register paths use)
 */
public record EncodedField<V extends RegisterValue, E extends Encoding>(RegisterField<V> field) {

    public EncodedField(String name, int lsb, int width) {
        this(new RegisterField<>(name, lsb, width));
    }

    /** {@code FIELD == member}. */
    public FieldCondition<V> is(E member) {
        return field.condition(member.value(), true, member);
    }

    /** {@code FIELD != member}. */
    public FieldCondition<V> isNot(E member) {
        return field.condition(member.value(), false, member);
    }
}
