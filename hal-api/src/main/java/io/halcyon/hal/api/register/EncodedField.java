package io.halcyon.hal.api.register;

/**
 * A field whose values are named by an encoding: conditions take the generated enum's members,
 * {@code Status.STATE_FIELD.is(HbmState.TRAINED)}, and their text names them.
 *
 * @param <V> the register's value type
 * @param <E> the field's encoding
 */
public final class EncodedField<V extends RegisterValue, E extends Encoding> extends RegisterField<V> {

    public EncodedField(String name, int lsb, int width) {
        super(name, lsb, width);
    }

    /** {@code FIELD == member}. */
    public FieldCondition<V> is(E member) {
        return condition(member.value(), true, member);
    }

    /** {@code FIELD != member}. */
    public FieldCondition<V> isNot(E member) {
        return condition(member.value(), false, member);
    }
}
