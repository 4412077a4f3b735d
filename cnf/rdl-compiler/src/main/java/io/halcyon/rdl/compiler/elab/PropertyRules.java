package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.ast.PropertyDef;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in properties of SystemRDL 2.0: which components take them, what values they accept,
 * and the side effects an assignment has on related properties (rclr sets onread, and so on).
 */
final class PropertyRules {

    enum Type { BOOL, INT, STRING, ACCESS, ONREAD, ONWRITE, ADDRESSING, PRECEDENCE, REF, BOOL_OR_REF, INT_OR_REF,
        BOOL_INT_OR_REF, BOOL_OR_INT, ENUM, STRING_ARRAY }

    record Builtin(String name, Type type, Set<CompKind> components) { }

    /** Marker for {@code prop;} written without a value. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    private static final Map<String, Builtin> BUILTINS = new HashMap<>();

    private static void def(Type t, Set<CompKind> comps, String... names) {
        for (String n : names) {
            BUILTINS.put(n, new Builtin(n, t, comps));
        }
    }

    static {
        Set<CompKind> field = EnumSet.of(CompKind.FIELD);
        Set<CompKind> reg = EnumSet.of(CompKind.REG);
        Set<CompKind> containers = EnumSet.of(CompKind.ADDRMAP, CompKind.REGFILE);
        Set<CompKind> addrmap = EnumSet.of(CompKind.ADDRMAP);
        Set<CompKind> mem = EnumSet.of(CompKind.MEM);
        Set<CompKind> signal = EnumSet.of(CompKind.SIGNAL);
        Set<CompKind> all = EnumSet.of(CompKind.ADDRMAP, CompKind.REGFILE, CompKind.REG, CompKind.FIELD, CompKind.MEM,
                CompKind.SIGNAL);
        def(Type.STRING, all, "name", "desc");
        def(Type.BOOL, all, "ispresent");
        def(Type.BOOL_OR_INT, EnumSet.of(CompKind.ADDRMAP, CompKind.REGFILE, CompKind.REG, CompKind.FIELD),
                "donttest", "dontcompare");
        def(Type.ACCESS, EnumSet.of(CompKind.FIELD, CompKind.MEM), "sw");
        def(Type.ACCESS, field, "hw");
        def(Type.BOOL, field, "rclr", "rset", "woclr", "woset", "swmod", "swacc", "singlepulse", "anded", "ored",
                "xored", "counter", "overflow", "underflow", "intr", "sticky", "stickybit", "paritycheck", "rpulse");
        def(Type.ONREAD, field, "onread");
        def(Type.ONWRITE, field, "onwrite");
        def(Type.BOOL_OR_REF, field, "swwe", "swwel", "we", "wel", "hwclr", "hwset");
        def(Type.INT_OR_REF, field, "reset", "incrvalue", "decrvalue");
        def(Type.REF, field, "resetsignal", "next", "hwenable", "hwmask", "incr", "decr", "enable", "mask",
                "haltenable", "haltmask");
        def(Type.INT, field, "fieldwidth", "incrwidth", "decrwidth");
        def(Type.BOOL_INT_OR_REF, field, "incrsaturate", "decrsaturate", "saturate", "incrthreshold",
                "decrthreshold", "threshold");
        def(Type.ENUM, field, "encode");
        def(Type.PRECEDENCE, field, "precedence");
        def(Type.STRING_ARRAY, field, "hdl_path_slice", "hdl_path_gate_slice");
        def(Type.INT, reg, "regwidth", "accesswidth");
        def(Type.BOOL, EnumSet.of(CompKind.REG, CompKind.REGFILE, CompKind.ADDRMAP), "errextbus");
        def(Type.BOOL, reg, "shared");
        def(Type.STRING, EnumSet.of(CompKind.REG, CompKind.REGFILE, CompKind.ADDRMAP), "hdl_path", "hdl_path_gate");
        def(Type.INT, containers, "alignment");
        def(Type.BOOL, containers, "sharedextbus");
        def(Type.ADDRESSING, addrmap, "addressing");
        def(Type.BOOL, addrmap, "bigendian", "littleendian", "lsb0", "msb0", "bridge", "rsvdset", "rsvdsetX");
        def(Type.INT, mem, "mementries", "memwidth");
        def(Type.INT, signal, "signalwidth");
        def(Type.BOOL, signal, "sync", "async", "cpuif_reset", "field_reset", "activelow", "activehigh");
    }

    /** Properties that exist only to be referenced ({@code reg->intr}), never assigned. */
    static final Set<String> REFERENCE_ONLY = Set.of("halt");

    private static final Map<String, String> PAIRS = Map.ofEntries(
            Map.entry("async", "sync"), Map.entry("sync", "async"),
            Map.entry("activehigh", "activelow"), Map.entry("activelow", "activehigh"),
            Map.entry("lsb0", "msb0"), Map.entry("msb0", "lsb0"),
            Map.entry("bigendian", "littleendian"), Map.entry("littleendian", "bigendian"),
            Map.entry("sticky", "stickybit"), Map.entry("stickybit", "sticky"));

    private static final Set<String> ACCESS = Set.of("rw", "r", "w", "rw1", "w1", "na");
    private static final Set<String> ONREAD = Set.of("rclr", "rset", "ruser");
    private static final Set<String> ONWRITE = Set.of("woset", "woclr", "wot", "wzs", "wzc", "wzt", "wclr", "wset",
            "wuser");
    private static final Set<String> ADDRESSING = Set.of("compact", "regalign", "fullalign");
    private static final Set<String> PRECEDENCE = Set.of("hw", "sw");

    private final Map<String, PropertyDef> udps;
    private final Evaluator evaluator;

    PropertyRules(Map<String, PropertyDef> udps, Evaluator evaluator) {
        this.udps = udps;
        this.evaluator = evaluator;
    }

    static Builtin builtin(String name) {
        return BUILTINS.get(name);
    }

    boolean exists(String name) {
        return BUILTINS.containsKey(name) || udps.containsKey(name);
    }

    PropertyDef udp(String name) {
        return BUILTINS.containsKey(name) ? null : udps.get(name);
    }

    boolean appliesTo(String name, CompKind kind) {
        Builtin b = BUILTINS.get(name);
        if (b != null) {
            return b.components().contains(kind);
        }
        PropertyDef u = udps.get(name);
        return u != null && (u.components().contains("all") || u.components().contains(kind.keyword()));
    }

    /** Whether values for this property should resolve bare names as instances first. */
    boolean expectsReference(String name) {
        Builtin b = BUILTINS.get(name);
        if (b != null) {
            return switch (b.type()) {
                case REF, BOOL_OR_REF, INT_OR_REF, BOOL_INT_OR_REF -> true;
                default -> false;
            };
        }
        PropertyDef u = udps.get(name);
        return u != null && Set.of("ref", "signal", "field", "reg", "regfile", "addrmap", "mem").contains(u.type());
    }

    /** Assigns a property to a node, checking its type and applying side effects. */
    void assign(ENode node, String prop, Object value, String modifier, SourceLocation loc) {
        if (REFERENCE_ONLY.contains(prop)) {
            throw new RdlException(loc, "property '" + prop + "' cannot be assigned");
        }
        if (!exists(prop)) {
            throw new RdlException(loc, "property '" + prop + "' is not defined (not a SystemRDL property, and no user-defined property of that name)");
        }
        if (!appliesTo(prop, node.kind)) {
            throw new RdlException(loc, "property '" + prop + "' is not valid for " + node.kind.keyword()
                    + " components (instance '" + node.instName + "')");
        }
        Builtin b = BUILTINS.get(prop);
        if (b == null) {
            assignUdp(node, udps.get(prop), value, loc);
            return;
        }
        Object v = convert(b, value, loc);
        put(node, prop, v, loc);
        sideEffects(node, prop, v, modifier, loc);
    }

    private void put(ENode node, String prop, Object v, SourceLocation loc) {
        node.props.put(prop, v);
        node.propLocs.put(prop, loc);
    }

    private void sideEffects(ENode node, String prop, Object v, String modifier, SourceLocation loc) {
        boolean on = Boolean.TRUE.equals(v);
        switch (prop) {
            case "rclr", "rset" -> {
                node.props.remove(prop);
                if (on) {
                    put(node, "onread", prop, loc);
                } else if (prop.equals(node.props.get("onread"))) {
                    node.props.remove("onread");
                }
            }
            case "woclr", "woset" -> {
                node.props.remove(prop);
                if (on) {
                    put(node, "onwrite", prop, loc);
                } else if (prop.equals(node.props.get("onwrite"))) {
                    node.props.remove("onwrite");
                }
            }
            case "threshold" -> {
                node.props.remove(prop);
                put(node, "incrthreshold", v, loc);
            }
            case "saturate" -> {
                node.props.remove(prop);
                put(node, "incrsaturate", v, loc);
            }
            case "intr" -> {
                if (modifier != null) {
                    if (modifier.equals("nonsticky")) {
                        put(node, "sticky", false, loc);
                        put(node, "stickybit", false, loc);
                    } else {
                        put(node, "intrtype", modifier, loc);
                    }
                    if (v == Boolean.FALSE) {
                        // "nonsticky intr = false" still records the modifier; intr itself is off.
                        return;
                    }
                }
            }
            default -> {
                String other = PAIRS.get(prop);
                if (other != null && on) {
                    put(node, other, false, loc);
                }
            }
        }
        if (modifier != null && !prop.equals("intr")) {
            throw new RdlException(loc, "modifier '" + modifier + "' only applies to the 'intr' property");
        }
    }

    private Object convert(Builtin b, Object value, SourceLocation loc) {
        String p = b.name();
        if (value == NO_VALUE) {
            return switch (b.type()) {
                case BOOL, BOOL_OR_REF, BOOL_INT_OR_REF, BOOL_OR_INT -> Boolean.TRUE;
                default -> throw new RdlException(loc, "property '" + p + "' needs a value (expected '" + p + " = ...;')");
            };
        }
        switch (b.type()) {
            case BOOL:
                return toBool(p, value, loc);
            case BOOL_OR_INT:
                if (value instanceof Boolean) {
                    return value;
                }
                return toLong(p, value, loc);
            case INT:
                return toLong(p, value, loc);
            case STRING:
                if (value instanceof String) {
                    return value;
                }
                throw mismatch(p, "a string", value, loc);
            case ACCESS:
                return keyword(p, value, ACCESS, loc);
            case ONREAD:
                return keyword(p, value, ONREAD, loc);
            case ONWRITE:
                return keyword(p, value, ONWRITE, loc);
            case ADDRESSING:
                return keyword(p, value, ADDRESSING, loc);
            case PRECEDENCE:
                return keyword(p, value, PRECEDENCE, loc);
            case REF:
                if (isRef(value)) {
                    return value;
                }
                throw mismatch(p, "a reference to a component", value, loc);
            case BOOL_OR_REF:
                if (isRef(value)) {
                    return value;
                }
                return toBool(p, value, loc);
            case INT_OR_REF:
                if (isRef(value)) {
                    return value;
                }
                return toLong(p, value, loc);
            case BOOL_INT_OR_REF:
                if (isRef(value) || value instanceof Boolean) {
                    return value;
                }
                return toLong(p, value, loc);
            case ENUM:
                if (value instanceof Values.EnumTypeV) {
                    return value;
                }
                throw mismatch(p, "an enum type", value, loc);
            case STRING_ARRAY:
                if (value instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                    return value;
                }
                throw mismatch(p, "an array of strings", value, loc);
            default:
                throw new IllegalStateException(b.type().toString());
        }
    }

    private static boolean isRef(Object v) {
        return v instanceof Values.NodeRef || v instanceof Values.PropRef;
    }

    private static Object toBool(String p, Object v, SourceLocation loc) {
        if (v instanceof Boolean) {
            return v;
        }
        Long l = Values.asLong(v);
        if (l != null) {
            return l != 0;
        }
        throw mismatch(p, "a boolean", v, loc);
    }

    private static Object toLong(String p, Object v, SourceLocation loc) {
        Long l = Values.asLong(v);
        if (l != null) {
            return l;
        }
        throw mismatch(p, "an integer", v, loc);
    }

    private static Object keyword(String p, Object v, Set<String> allowed, SourceLocation loc) {
        if (v instanceof Values.Kw k && allowed.contains(k.name())) {
            return k.name();
        }
        throw mismatch(p, "one of " + allowed, v, loc);
    }

    private static RdlException mismatch(String p, String expected, Object got, SourceLocation loc) {
        return new RdlException(loc, "property '" + p + "' expects " + expected + ", got " + Values.describe(got));
    }

    private void assignUdp(ENode node, PropertyDef u, Object value, SourceLocation loc) {
        Object v = value;
        if (v == NO_VALUE) {
            if (u.defaultValue() != null) {
                v = evaluator.eval(u.defaultValue(), rootEnvFor(node), false);
            } else if (u.type().equals("boolean")) {
                v = Boolean.TRUE;
            } else {
                // Bound without a value: the standard leaves it undefined; record the binding only.
                v = null;
            }
        }
        if (v != null) {
            v = checkUdpType(u, v, loc);
        }
        node.props.put(u.name(), v);
        node.propLocs.put(u.name(), loc);
    }

    private static Env rootEnvFor(ENode node) {
        Env e = node.env;
        while (e.parent != null) {
            e = e.parent;
        }
        return e;
    }

    private Object checkUdpType(PropertyDef u, Object v, SourceLocation loc) {
        if (u.array()) {
            if (!(v instanceof List<?>)) {
                throw mismatch(u.name(), "an array", v, loc);
            }
            return v;
        }
        switch (u.type()) {
            case "boolean":
                return toBool(u.name(), v, loc);
            case "longint", "bit", "number":
                return toLong(u.name(), v, loc);
            case "string":
                if (v instanceof String) {
                    return v;
                }
                throw mismatch(u.name(), "a string", v, loc);
            case "ref", "signal", "field", "reg", "regfile", "addrmap", "mem":
                if (isRef(v)) {
                    return v;
                }
                throw mismatch(u.name(), "a reference", v, loc);
            case "accesstype":
                return keyword(u.name(), v, ACCESS, loc);
            case "onreadtype":
                return keyword(u.name(), v, ONREAD, loc);
            case "onwritetype":
                return keyword(u.name(), v, ONWRITE, loc);
            case "addressingtype":
                return keyword(u.name(), v, ADDRESSING, loc);
            case "precedencetype":
                return keyword(u.name(), v, PRECEDENCE, loc);
            default:
                // Enum or struct typed: accept values of that kind.
                if (v instanceof Values.EnumMemberV || v instanceof Values.StructV || v instanceof Values.EnumTypeV) {
                    return v;
                }
                throw mismatch(u.name(), "a value of type " + u.type(), v, loc);
        }
    }
}
