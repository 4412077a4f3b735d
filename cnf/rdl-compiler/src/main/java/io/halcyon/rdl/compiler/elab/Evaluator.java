package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.ComponentDef;
import io.halcyon.rdl.compiler.ast.EnumDef;
import io.halcyon.rdl.compiler.ast.Expr;
import io.halcyon.rdl.compiler.ast.Stmt;
import io.halcyon.rdl.compiler.ast.StructDef;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates expressions in an environment: parameters, keywords, enums, structs and instance references. */
final class Evaluator {

    static final Set<String> KEYWORDS = Set.of(
            "rw", "wr", "r", "w", "rw1", "w1", "na",
            "rclr", "rset", "ruser",
            "woset", "woclr", "wot", "wzs", "wzc", "wzt", "wclr", "wset", "wuser",
            "compact", "regalign", "fullalign", "hw", "sw");

    /** Thrown when an instance name cannot be found yet; callers may retry once the instance exists. */
    static final class UnresolvedReference extends RdlException {
        private static final long serialVersionUID = 1L;

        UnresolvedReference(SourceLocation loc, String message) {
            super(loc, message);
        }
    }

    private final Map<EnumDef, Values.EnumTypeV> enumCache = new IdentityHashMap<>();

    Object eval(Expr e, Env env) {
        return eval(e, env, false);
    }

    /** @param preferInstance resolve a bare name as an instance before trying keywords (ref-typed contexts) */
    Object eval(Expr e, Env env, boolean preferInstance) {
        if (e instanceof Expr.Num n) {
            return n.width() < 0 ? (Object) n.value() : new Values.SizedInt(n.value(), n.width());
        }
        if (e instanceof Expr.Str s) {
            return s.value();
        }
        if (e instanceof Expr.Bool b) {
            return b.value();
        }
        if (e instanceof Expr.Ref r) {
            return ref(r, env, preferInstance);
        }
        if (e instanceof Expr.EnumMember m) {
            return enumMember(m, env);
        }
        if (e instanceof Expr.Unary u) {
            return unary(u, env);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, env);
        }
        if (e instanceof Expr.Ternary t) {
            Object c = eval(t.cond(), env);
            return truth(c, t.cond().loc()) ? eval(t.then(), env, preferInstance) : eval(t.otherwise(), env, preferInstance);
        }
        if (e instanceof Expr.Concat c) {
            long v = 0;
            int w = 0;
            for (Expr item : c.items()) {
                Values.SizedInt s = sized(eval(item, env), item.loc());
                v = (s.width() >= 64 ? 0 : v << s.width()) | s.value();
                w += s.width();
            }
            return new Values.SizedInt(mask(v, w), Math.min(w, 64));
        }
        if (e instanceof Expr.Replicate r) {
            long n = integer(eval(r.count(), env), r.count().loc());
            long v = 0;
            int w = 0;
            for (long i = 0; i < n; i++) {
                for (Expr item : r.items()) {
                    Values.SizedInt s = sized(eval(item, env), item.loc());
                    v = (s.width() >= 64 ? 0 : v << s.width()) | s.value();
                    w += s.width();
                }
            }
            return new Values.SizedInt(mask(v, w), Math.min(w, 64));
        }
        if (e instanceof Expr.Cast c) {
            return cast(c, env);
        }
        if (e instanceof Expr.ArrayLit a) {
            List<Object> list = new ArrayList<>();
            for (Expr item : a.items()) {
                list.add(eval(item, env, preferInstance));
            }
            return list;
        }
        if (e instanceof Expr.StructLit s) {
            return struct(s, env);
        }
        throw new RdlException(e.loc(), "unsupported expression");
    }

    static long mask(long v, int width) {
        return width >= 64 ? v : v & ((1L << width) - 1);
    }

    private static Values.SizedInt sized(Object v, SourceLocation loc) {
        if (v instanceof Values.SizedInt s) {
            return s;
        }
        if (v instanceof Values.EnumMemberV m) {
            return new Values.SizedInt(m.value(), Math.max(1, 64 - Long.numberOfLeadingZeros(m.value())));
        }
        if (v instanceof Boolean b) {
            return new Values.SizedInt(b ? 1 : 0, 1);
        }
        if (v instanceof Long l) {
            return new Values.SizedInt(l, 64);
        }
        throw new RdlException(loc, "expected an integer in concatenation, got " + Values.describe(v));
    }

    long integer(Object v, SourceLocation loc) {
        Long l = Values.asLong(v);
        if (l == null) {
            throw new RdlException(loc, "expected an integer, got " + Values.describe(v));
        }
        return l;
    }

    boolean truth(Object v, SourceLocation loc) {
        if (v instanceof Boolean b) {
            return b;
        }
        Long l = Values.asLong(v);
        if (l == null) {
            throw new RdlException(loc, "expected a boolean, got " + Values.describe(v));
        }
        return l != 0;
    }

    private Object unary(Expr.Unary u, Env env) {
        Object v = eval(u.operand(), env);
        if (u.op().equals("!")) {
            return !truth(v, u.loc());
        }
        int width = v instanceof Values.SizedInt s ? s.width() : 64;
        long x = integer(v, u.loc());
        return switch (u.op()) {
            case "-" -> -x;
            case "+" -> x;
            case "~" -> v instanceof Values.SizedInt ? (Object) new Values.SizedInt(mask(~x, width), width) : (Object) (~x);
            case "&" -> mask(x, width) == mask(-1L, width);
            case "~&" -> mask(x, width) != mask(-1L, width);
            case "|" -> x != 0;
            case "~|" -> x == 0;
            case "^" -> (Long.bitCount(mask(x, width)) & 1) == 1;
            default -> (Long.bitCount(mask(x, width)) & 1) == 0;
        };
    }

    private Object binary(Expr.Binary b, Env env) {
        Object l = eval(b.left(), env);
        Object r = eval(b.right(), env);
        String op = b.op();
        switch (op) {
            case "&&":
                return truth(l, b.left().loc()) && truth(r, b.right().loc());
            case "||":
                return truth(l, b.left().loc()) || truth(r, b.right().loc());
            case "==", "!=": {
                boolean eq;
                Long li = Values.asLong(l);
                Long ri = Values.asLong(r);
                if (li != null && ri != null) {
                    eq = li.longValue() == ri.longValue();
                } else {
                    eq = String.valueOf(l).equals(String.valueOf(r));
                }
                return op.equals("==") == eq;
            }
            default:
                break;
        }
        long x = integer(l, b.left().loc());
        long y = integer(r, b.right().loc());
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> {
                if (y == 0) {
                    throw new RdlException(b.loc(), "division by zero");
                }
                yield Long.divideUnsigned(x, y);
            }
            case "%" -> {
                if (y == 0) {
                    throw new RdlException(b.loc(), "modulo by zero");
                }
                yield Long.remainderUnsigned(x, y);
            }
            case "**" -> {
                long acc = 1;
                for (long i = 0; i < y; i++) {
                    acc *= x;
                }
                yield acc;
            }
            case "<<" -> y >= 64 ? 0L : x << y;
            case ">>" -> y >= 64 ? 0L : x >>> y;
            case "&" -> x & y;
            case "|" -> x | y;
            case "^" -> x ^ y;
            case "~^", "^~" -> ~(x ^ y);
            case "<" -> Long.compareUnsigned(x, y) < 0;
            case "<=" -> Long.compareUnsigned(x, y) <= 0;
            case ">" -> Long.compareUnsigned(x, y) > 0;
            case ">=" -> Long.compareUnsigned(x, y) >= 0;
            default -> throw new RdlException(b.loc(), "unknown operator '" + op + "'");
        };
    }

    private Object cast(Expr.Cast c, Env env) {
        Object v = eval(c.value(), env);
        if (c.width() != null) {
            int w = (int) integer(eval(c.width(), env), c.width().loc());
            if (w <= 0) {
                throw new RdlException(c.loc(), "cast width must be greater than 0");
            }
            return new Values.SizedInt(mask(integer(v, c.value().loc()), w), Math.min(w, 64));
        }
        return switch (c.typeName()) {
            case "boolean" -> truth(v, c.loc());
            case "longint" -> integer(v, c.loc());
            case "bit" -> new Values.SizedInt(truth(v, c.loc()) ? 1 : 0, 1);
            default -> {
                Object widthParam = env.lookupParam(c.typeName());
                if (widthParam == null) {
                    throw new RdlException(c.loc(), "unknown cast type '" + c.typeName() + "' (expected boolean, longint, bit or a width)");
                }
                int w = (int) integer(widthParam, c.loc());
                yield new Values.SizedInt(mask(integer(v, c.value().loc()), w), Math.min(w, 64));
            }
        };
    }

    // ---------------------------------------------------------------- enums and structs

    Values.EnumTypeV enumType(EnumDef def, Env env) {
        Values.EnumTypeV cached = enumCache.get(def);
        if (cached != null) {
            return cached;
        }
        List<Values.EnumMemberV> members = new ArrayList<>();
        long next = 0;
        Set<String> names = new java.util.HashSet<>();
        Set<Long> values = new java.util.HashSet<>();
        for (EnumDef.Member m : def.members()) {
            long v = m.value() == null ? next : integer(eval(m.value(), env), m.value().loc());
            if (!names.add(m.name())) {
                throw new RdlException(m.loc(), "enum '" + def.name() + "' already has a member named '" + m.name() + "'");
            }
            if (!values.add(v)) {
                throw new RdlException(m.loc(), "enum '" + def.name() + "' member '" + m.name() + "' repeats the value " + v);
            }
            String display = null;
            String desc = null;
            for (Stmt.PropAssign pa : m.properties()) {
                Object pv = eval(pa.value(), env);
                if (!(pv instanceof String s)) {
                    throw new RdlException(pa.loc(), "enum member property '" + pa.property() + "' expects a string");
                }
                switch (pa.property()) {
                    case "name" -> display = s;
                    case "desc" -> desc = s;
                    default -> throw new RdlException(pa.loc(), "enum members only take 'name' and 'desc' (got '" + pa.property() + "')");
                }
            }
            members.add(new Values.EnumMemberV(def.name(), m.name(), v, display, desc));
            next = v + 1;
        }
        Values.EnumTypeV t = new Values.EnumTypeV(def, def.name(), List.copyOf(members));
        enumCache.put(def, t);
        return t;
    }

    private Object enumMember(Expr.EnumMember m, Env env) {
        EnumDef def = env.def.lookupEnum(m.enumName());
        if (def == null) {
            throw new RdlException(m.loc(), "enum '" + m.enumName() + "' is not defined");
        }
        for (Values.EnumMemberV mv : enumType(def, env).members()) {
            if (mv.name().equals(m.member())) {
                return mv;
            }
        }
        throw new RdlException(m.loc(), "enum '" + m.enumName() + "' has no member '" + m.member() + "'");
    }

    private Object struct(Expr.StructLit s, Env env) {
        StructDef def = env.def.lookupStruct(s.typeName());
        if (def == null) {
            throw new RdlException(s.loc(), "struct type '" + s.typeName() + "' is not defined");
        }
        if (def.isAbstract()) {
            throw new RdlException(s.loc(), "cannot make a literal of abstract struct '" + def.name() + "'");
        }
        Map<String, StructDef.Member> all = structMembers(def, env, s.loc());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Expr.StructMemberInit init : s.members()) {
            StructDef.Member member = all.get(init.name());
            if (member == null) {
                throw new RdlException(init.loc(), "struct '" + def.name() + "' has no member '" + init.name() + "'");
            }
            values.put(init.name(), eval(init.value(), env, isRefType(member.type())));
        }
        List<String> missing = new ArrayList<>();
        for (StructDef.Member member : all.values()) {
            if (!values.containsKey(member.name())) {
                Object implicit = implicitMemberValue(member);
                if (implicit == null) {
                    missing.add(member.name());
                } else {
                    values.put(member.name(), implicit);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new RdlException(s.loc(), "Incomplete struct literal '" + def.name()
                    + "'. The following members are undefined: " + String.join(", ", missing));
        }
        return new Values.StructV(def, values);
    }

    /**
     * Value of a member a struct literal leaves out. Types with a natural empty value get it (as the
     * reference compiler does); a scalar number has none, so leaving it out is an error.
     */
    private static Object implicitMemberValue(StructDef.Member m) {
        if (m.array()) {
            return List.of();
        }
        return switch (m.type()) {
            case "boolean" -> false;
            case "string" -> "";
            case "accesstype" -> new Values.Kw("rw");
            case "addressingtype" -> new Values.Kw("regalign");
            default -> null;
        };
    }

    private static boolean isRefType(String type) {
        return Set.of("ref", "signal", "field", "reg", "regfile", "addrmap", "mem").contains(type);
    }

    Map<String, StructDef.Member> structMembers(StructDef def, Env env, SourceLocation loc) {
        Map<String, StructDef.Member> all = new LinkedHashMap<>();
        if (def.base() != null) {
            StructDef base = env.def.lookupStruct(def.base());
            if (base == null) {
                throw new RdlException(def.loc(), "base struct '" + def.base() + "' is not defined");
            }
            all.putAll(structMembers(base, env, loc));
        }
        for (StructDef.Member m : def.members()) {
            all.put(m.name(), m);
        }
        return all;
    }

    // ---------------------------------------------------------------- references

    private Object ref(Expr.Ref r, Env env, boolean preferInstance) {
        Expr.Segment first = r.path().get(0);
        if (env.hasParam(first.name())) {
            Object v = env.lookupParam(first.name());
            v = index(v, first, env);
            for (int i = 1; i < r.path().size(); i++) {
                Expr.Segment seg = r.path().get(i);
                if (!(v instanceof Values.StructV sv) || !sv.members().containsKey(seg.name())) {
                    throw new RdlException(seg.loc(), "'" + seg.name() + "' is not a member of " + Values.describe(v));
                }
                v = index(sv.members().get(seg.name()), seg, env);
            }
            if (r.property() != null) {
                throw new RdlException(r.loc(), "'->' needs an instance on its left, not a parameter");
            }
            return v;
        }
        if (r.isSimpleName()) {
            String name = first.name();
            if (preferInstance) {
                List<ENode> found = tryResolve(r, env);
                if (found != null) {
                    return single(found, r);
                }
            }
            if (KEYWORDS.contains(name)) {
                return new Values.Kw(name.equals("wr") ? "rw" : name);
            }
            EnumDef enumDef = env.def.lookupEnum(name);
            if (enumDef != null) {
                return enumType(enumDef, env);
            }
        }
        List<ENode> nodes = resolve(r, env);
        return single(nodes, r);
    }

    private static Object single(List<ENode> nodes, Expr.Ref r) {
        if (nodes.size() != 1) {
            throw new RdlException(r.loc(), "reference to array '" + r.path().get(r.path().size() - 1).name()
                    + "' needs an index (expected [index])");
        }
        ENode n = nodes.get(0);
        return r.property() == null ? new Values.NodeRef(n) : new Values.PropRef(n, r.property());
    }

    private Object index(Object v, Expr.Segment seg, Env env) {
        for (Expr idx : seg.indices()) {
            long i = integer(eval(idx, env), idx.loc());
            if (!(v instanceof List<?> list)) {
                throw new RdlException(idx.loc(), "cannot index " + Values.describe(v));
            }
            if (i < 0 || i >= list.size()) {
                throw new RdlException(idx.loc(), "index " + i + " is out of range for an array of " + list.size());
            }
            v = list.get((int) i);
        }
        return v;
    }

    /** Resolves an instance path to the elements it names (all elements of an unindexed array). */
    List<ENode> resolve(Expr.Ref r, Env env) {
        List<ENode> found = tryResolve(r, env);
        if (found == null) {
            Expr.Segment first = r.path().get(0);
            throw new UnresolvedReference(first.loc(), "undefined reference: no parameter, instance or enum named '"
                    + first.name() + "' in scope");
        }
        return found;
    }

    private List<ENode> tryResolve(Expr.Ref r, Env env) {
        Expr.Segment first = r.path().get(0);
        ENode.Group start = null;
        for (Env e = env; e != null && start == null; e = e.parent) {
            if (e.node != null) {
                start = e.node.groupByName.get(first.name());
            }
        }
        if (start == null) {
            return null;
        }
        List<ENode> current = select(start, first, env);
        for (int i = 1; i < r.path().size(); i++) {
            Expr.Segment seg = r.path().get(i);
            List<ENode> next = new ArrayList<>();
            for (ENode n : current) {
                ENode.Group g = n.groupByName.get(seg.name());
                if (g == null) {
                    throw new RdlException(seg.loc(), "Could not resolve hierarchical reference to '" + seg.name()
                            + "' (no such instance in '" + n.instName + "')");
                }
                next.addAll(select(g, seg, env));
            }
            current = next;
        }
        return current;
    }

    private List<ENode> select(ENode.Group g, Expr.Segment seg, Env env) {
        if (seg.indices().isEmpty()) {
            return g.elements;
        }
        if (seg.indices().size() != g.dims.size()) {
            throw new RdlException(seg.loc(), "'" + seg.name() + "' has " + g.dims.size() + " array dimensions but "
                    + seg.indices().size() + " indices were given");
        }
        int linear = 0;
        for (int d = 0; d < g.dims.size(); d++) {
            long i = integer(eval(seg.indices().get(d), env), seg.indices().get(d).loc());
            if (i < 0 || i >= g.dims.get(d)) {
                throw new RdlException(seg.loc(), "index " + i + " is out of range for '" + seg.name() + "' (size "
                        + g.dims.get(d) + ")");
            }
            linear = linear * g.dims.get(d) + (int) i;
        }
        return List.of(g.elements.get(linear));
    }

    static ComponentDef scopeOf(Env env) {
        return env.def;
    }
}
