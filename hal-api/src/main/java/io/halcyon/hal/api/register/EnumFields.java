package io.halcyon.hal.api.register;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The constants of an API enum as one-bit fields of a register, matched by name: {@code ChipBlock.DMA}
 * is field {@code DMA} of {@code BLOCK_RESET}. A contract names things (blocks, interrupt sources,
 * error kinds) and the description places them; matching by name derives the bits from the
 * description instead of repeating them in a switch, so a new field needs no driver change.
 *
 * @param <E> the API enum
 * @param <V> the register's value type
 */
public final class EnumFields<E extends Enum<E>, V extends RegisterValue> {

    private final Class<E> type;
    private final Map<E, RegisterField<V>> fields;

    private EnumFields(Class<E> type, Map<E, RegisterField<V>> fields) {
        this.type = type;
        this.fields = fields;
    }

    /**
     * Matches every constant of {@code type} with the field of the same name.
     *
     * @param fields the register's fields (the generated value type's {@code FIELDS}); fields no
     *     constant names are left alone
     * @throws IllegalStateException if a constant has no one-bit field of its name, naming both
     */
    public static <E extends Enum<E>, V extends RegisterValue> EnumFields<E, V> match(Class<E> type,
            List<? extends RegisterField<V>> fields) {
        Map<E, RegisterField<V>> matched = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            RegisterField<V> field = fields.stream().filter(f -> f.name().equals(constant.name())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + "." + constant.name()
                            + " has no field of that name among " + fields));
            if (field.width() != 1) {
                throw new IllegalStateException(type.getSimpleName() + "." + constant.name() + ": field " + field
                        + " is " + field.width() + " bits wide, not one");
            }
            matched.put(constant, field);
        }
        return new EnumFields<>(type, matched);
    }

    /** The constant's field. */
    public RegisterField<V> field(E constant) {
        return fields.get(Objects.requireNonNull(constant, type.getSimpleName()));
    }

    /** The bits of these constants in place; 0 for none. */
    public long bits(Set<E> constants) {
        long bits = 0;
        for (E constant : constants) {
            bits |= field(constant).mask();
        }
        return bits;
    }

    /** The constants whose bit is set in {@code registerBits}. */
    public Set<E> decode(long registerBits) {
        Set<E> set = EnumSet.noneOf(type);
        fields.forEach((constant, field) -> {
            if ((registerBits & field.mask()) != 0) {
                set.add(constant);
            }
        });
        return set;
    }
}
