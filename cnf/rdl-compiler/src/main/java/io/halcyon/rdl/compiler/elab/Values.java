package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.EnumDef;
import io.halcyon.rdl.compiler.ast.StructDef;

import java.util.List;
import java.util.Map;

/** Value types the evaluator produces besides Long, Boolean, String and List. */
final class Values {

    private Values() {
    }

    /** A keyword constant such as rw, woclr, compact or hw. */
    record Kw(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An integer with a bit width, from sized literals, casts and concatenations. */
    record SizedInt(long value, int width) { }

    /** Reference to a component instance. */
    record NodeRef(ENode node) { }

    /** Reference to a property of a component instance: {@code a->anded}. */
    record PropRef(ENode node, String property) { }

    record EnumTypeV(EnumDef def, String name, List<EnumMemberV> members) { }

    record EnumMemberV(String enumName, String name, long value, String displayName, String desc) { }

    record StructV(StructDef def, Map<String, Object> members) { }

    /** A component type used as a value (parameter or property of type reg, field, ...). */
    record TypeRef(String kind) { }

    static boolean containsReference(Object v) {
        if (v instanceof NodeRef || v instanceof PropRef) {
            return true;
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(Values::containsReference);
        }
        if (v instanceof StructV s) {
            return s.members().values().stream().anyMatch(Values::containsReference);
        }
        return false;
    }

    static Long asLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof SizedInt s) {
            return s.value();
        }
        if (v instanceof EnumMemberV e) {
            return e.value();
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return null;
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof Long || v instanceof SizedInt) {
            return "an integer";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Kw k) {
            return "'" + k.name() + "'";
        }
        if (v instanceof NodeRef || v instanceof PropRef) {
            return "a reference";
        }
        if (v instanceof EnumTypeV) {
            return "an enum type";
        }
        if (v instanceof EnumMemberV) {
            return "an enum value";
        }
        if (v instanceof StructV) {
            return "a struct";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v.getClass().getSimpleName();
    }
}
