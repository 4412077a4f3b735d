package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.halcyon.rdl.compiler.model.EnumType;

/**
 * Every Java name of one block's generated code, decided up front so that a clash (two registers
 * that map to the same class, a field named like a built-in method) fails generation with a message
 * instead of producing code that does not compile.
 */
final class JavaNames {

    /** Members every value type has; fields must not take these names. */
    private static final Set<String> VALUE_MEMBERS = Set.of("bits", "rawBits", "fromBits", "equals", "hashCode",
            "toString", "getClass", "notify", "notifyAll", "wait", "RESET", "DEFINED_BITS", "FIELDS");
    /** Members every block accessor has; registers must not map to these accessor methods. */
    private static final Set<String> ACCESSOR_MEMBERS = Set.of("base", "name", "flush", "batch", "equals", "hashCode",
            "toString", "getClass", "notify", "notifyAll", "wait");

    final String block;
    final String accessorClass;
    final String mapClass;
    // By identity: a RegisterType's record hash walks its fields, and there is one look-up per register.
    private final Map<RegisterType, RegisterClass> classOf = new IdentityHashMap<>();
    private final List<RegisterClass> classes = new ArrayList<>();
    private final Map<EnumType, String> enumClasses = new LinkedHashMap<>();

    JavaNames(BlockModel model) {
        this.block = model.name();
        this.accessorClass = Names.pascal(model.name());
        this.mapClass = accessorClass + "Map";
        Map<String, String> taken = new HashMap<>();
        claim(taken, accessorClass, "the block accessor");
        claim(taken, mapClass, "the register map");
        // The block bundle's parts (BlockComponentWriter), claimed whether generated or not, so that a
        // description compiles the same in a block bundle as anywhere else.
        claim(taken, configClass(), "the block-instance configuration");
        claim(taken, componentClass(), "the HardwareBlock component");
        claim(taken, driverBaseClass(), "the drivers' base class");
        Map<Object, List<RegisterType>> byShape = new LinkedHashMap<>();
        for (RegisterType r : all(model)) {
            byShape.computeIfAbsent(RegisterClass.Shape.keyOf(r), k -> new ArrayList<>()).add(r);
            if (ACCESSOR_MEMBERS.contains(accessorMethod(r))) {
                throw new GenerationException(block + "." + r.key() + ": its accessor method " + accessorMethod(r)
                        + "() is taken by every block accessor");
            }
            checkMembers(r);
        }
        // Registers of their own shape claim their names first: a shared class takes its definition's name
        // only where no register has it, so adding an instance never renames another register's class.
        for (List<RegisterType> group : byShape.values()) {
            if (group.size() == 1) {
                RegisterType r = group.get(0);
                String value = Names.pascal(r.key().replace('.', '_'));
                claim(taken, value, "register " + r.key());
                claim(taken, value + "Register", "register " + r.key());
                addClass(value, group);
            }
        }
        for (List<RegisterType> group : byShape.values()) {
            if (group.size() > 1) {
                addClass(sharedClassName(taken, group.get(0).typeName()), group);
            }
        }
        for (RegisterType r : all(model)) {
            for (FieldModel f : r.fields()) {
                if (f.encode() != null && !enumClasses.containsKey(f.encode())) {
                    String name = Names.pascal(f.encode().name());
                    // Same enum name in different scopes with different members: number the later ones.
                    String unique = name;
                    for (int n = 2; taken.containsKey(unique.toLowerCase(Locale.ROOT)); n++) {
                        unique = name + n;
                    }
                    claim(taken, unique, "enum " + f.encode().name());
                    enumClasses.put(f.encode(), unique);
                }
            }
        }
    }

    private void addClass(String valueClass, List<RegisterType> registers) {
        RegisterClass c = new RegisterClass(valueClass, registers);
        classes.add(c);
        registers.forEach(r -> classOf.put(r, c));
    }

    /**
     * A shared class is named after the definition without a type suffix ({@code pll_ctrl_r} gives
     * {@code PllCtrl}), or with it where a register already has that name ({@code PllCtrlR}).
     */
    private String sharedClassName(Map<String, String> taken, String typeName) {
        String bare = typeName.replaceFirst("(?i)_(t|r|reg|type)$", "");
        for (String candidate : new String[] {Names.pascal(bare), Names.pascal(typeName)}) {
            if (!taken.containsKey(candidate.toLowerCase(Locale.ROOT))
                    && !taken.containsKey((candidate + "Register").toLowerCase(Locale.ROOT))) {
                claim(taken, candidate, "register type " + typeName);
                claim(taken, candidate + "Register", "register type " + typeName);
                return candidate;
            }
        }
        throw new GenerationException(block + ": register type " + typeName + " maps to Java class "
                + Names.pascal(typeName) + ", which another register or generated class has");
    }

    /** Every value type and accessor class to write, each once. */
    List<RegisterClass> classes() {
        return classes;
    }

    /** Registers and the virtual registers of memories: both get value types and accessors. */
    static List<RegisterType> all(BlockModel model) {
        List<RegisterType> all = new ArrayList<>(model.registers());
        all.addAll(model.memoryRegisters());
        return all;
    }

    /** Class names must differ ignoring case: the sources may land on a case-insensitive file system. */
    private void claim(Map<String, String> taken, String className, String what) {
        String previous = taken.putIfAbsent(className.toLowerCase(Locale.ROOT), what);
        if (previous != null) {
            throw new GenerationException(block + ": " + what + " and " + previous + " both map to Java class "
                    + className);
        }
    }

    private void checkMembers(RegisterType r) {
        Map<String, String> members = new HashMap<>();
        for (FieldModel f : r.fields()) {
            String what = "field " + block + "." + r.key() + "." + f.instName();
            for (String m : new String[] {getter(f), setter(f), constant(f) + "_SHIFT", constant(f) + "_MASK",
                    constant(f) + "_WIDTH", fieldConstant(f), rawGetter(f), action(f)}) {
                if (m == null) {
                    continue;
                }
                if (VALUE_MEMBERS.contains(m)) {
                    throw new GenerationException(what + ": its Java name " + m + " is taken by every register value");
                }
                String previous = members.putIfAbsent(m, what);
                if (previous != null) {
                    throw new GenerationException(what + " and " + previous + " both map to Java member " + m);
                }
            }
        }
    }

    /** The block-instance configuration type, {@code DmaConfig}. */
    String configClass() {
        return accessorClass + "Config";
    }

    /** The HardwareBlock component, {@code DmaBlock}. */
    String componentClass() {
        return accessorClass + "Block";
    }

    /** What every driver of the block extends, {@code DmaDriverBase}. */
    String driverBaseClass() {
        return accessorClass + "DriverBase";
    }

    String valueClass(RegisterType r) {
        return classOf.get(r).valueClass();
    }

    String handleClass(RegisterType r) {
        return classOf.get(r).handleClass();
    }

    RegisterClass classOf(RegisterType r) {
        return classOf.get(r);
    }

    /** The block accessor's method for the register. */
    String accessorMethod(RegisterType r) {
        return Names.camel(r.key().replace('.', '_'));
    }

    String enumClass(EnumType e) {
        return enumClasses.get(e);
    }

    Map<EnumType, String> enums() {
        return enumClasses;
    }

    static String getter(FieldModel f) {
        return Names.camel(f.instName());
    }

    static String setter(FieldModel f) {
        return "with" + Names.pascal(f.instName());
    }

    /** Raw-bits getter of an encoded field (the hardware may hold a value the enum does not name). */
    static String rawGetter(FieldModel f) {
        return f.encode() == null ? null : Names.camel(f.instName()) + "Bits";
    }

    /** clearX/setX/toggleX for write-to-act fields, else null. */
    static String action(FieldModel f) {
        WriteAction a = f.writeAction();
        return a.acts() ? a.verb() + Names.pascal(f.instName()) : null;
    }

    static String constant(FieldModel f) {
        return Names.constant(f.instName());
    }

    /** The value type's field descriptor, for conditions: {@code INDEX_FIELD.is(3)}. */
    static String fieldConstant(FieldModel f) {
        return constant(f) + "_FIELD";
    }

    /** {@code block.REGISTER.FIELD}, as error messages name a field. */
    String fieldPath(RegisterType r, FieldModel f) {
        return block + "." + r.key() + "." + f.instName();
    }

    /** {@code block.REGISTER.FIELD}, or {@code block.type.FIELD} for a class several registers share. */
    String fieldPath(RegisterClass c, FieldModel f) {
        return block + "." + c.displayName() + "." + f.instName();
    }
}
