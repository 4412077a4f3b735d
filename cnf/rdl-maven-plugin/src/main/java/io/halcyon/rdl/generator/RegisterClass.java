package io.halcyon.rdl.generator;

import java.util.List;

/**
 * One value type and one accessor class of the generated code, and the registers that use them.
 * Registers that are instances of one named SystemRDL definition and elaborate alike (see
 * {@link Shape}) share a pair of classes, named after the definition: a block of 10,000 instances of
 * one register type compiles two classes instead of 20,000, and a driver can hold any of those
 * registers in one variable. A register of a shape of its own keeps classes named after itself. The
 * classes hold nothing of one register (its offset, name and indices come from the block accessor),
 * so sharing them changes no access: the accessor the JIT removes carries them as constants.
 *
 * <p>Identity is the object's (not a record): generation keys maps by class, and a class of 10,000
 * registers must not hash them all on each look-up.
 */
final class RegisterClass {

    private final String valueClass;
    private final RegisterType shape;
    private final List<RegisterType> registers;

    /**
     * @param valueClass the value type's simple name; the accessor is {@link #handleClass()}
     * @param registers every register (or folded array) using the class, in the block's order; the first
     *        is the {@link #shape()}, which every other one matches but for where it sits
     */
    RegisterClass(String valueClass, List<RegisterType> registers) {
        this.valueClass = valueClass;
        this.shape = registers.get(0);
        this.registers = List.copyOf(registers);
    }

    String valueClass() {
        return valueClass;
    }

    RegisterType shape() {
        return shape;
    }

    List<RegisterType> registers() {
        return registers;
    }

    boolean shared() {
        return registers.size() > 1;
    }

    String handleClass() {
        return valueClass + "Register";
    }

    /** What the value's toString and error messages call the register: its own name, or its definition's. */
    String displayName() {
        return shared() ? shape.typeName() : shape.key();
    }

    /**
     * What registers must have in common to share classes: the named definition they come from and
     * everything the value type and accessor are made of (width, reset, fields with their access,
     * encodings and text, array rank). Anonymous registers never share: their classes keep the
     * register's own name, which is what drivers written against them use.
     */
    record Shape(String typeName, int width, long reset, List<FieldModel> fields, int rank) {

        /** The key grouping {@code r}: a Shape for an instance of a named definition, else {@code r} itself. */
        static Object keyOf(RegisterType r) {
            return r.typeName() == null ? r : new Shape(r.typeName(), r.width(), r.reset(), r.fields(), r.dims().length);
        }
    }
}
