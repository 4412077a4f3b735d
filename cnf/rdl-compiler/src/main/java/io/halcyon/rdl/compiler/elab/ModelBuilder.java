package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.ast.PropertyDef;
import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.EnumType;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.Node;
import io.halcyon.rdl.compiler.model.Reference;
import io.halcyon.rdl.compiler.model.RegNode;
import io.halcyon.rdl.compiler.model.RegfileNode;
import io.halcyon.rdl.compiler.model.SignalNode;
import io.halcyon.rdl.compiler.model.StructValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the finished elaboration tree to the public model, dropping instances with ispresent=false. */
final class ModelBuilder {

    private final Map<PropertyDef, Object> udpDefaults;
    private final Map<Values.EnumTypeV, EnumType> enums = new IdentityHashMap<>();
    private final Map<String, PropertyDef> udps;
    private final Evaluator ev;
    private final Env rootEnv;

    ModelBuilder(Map<String, PropertyDef> udps, Evaluator ev, Env rootEnv) {
        this.udps = udps;
        this.ev = ev;
        this.rootEnv = rootEnv;
        this.udpDefaults = new IdentityHashMap<>();
    }

    ElaboratedModel build(ENode top) {
        return new ElaboratedModel((AddrmapNode) convert(top, null));
    }

    /**
     * Internal/external as the reference compiler resolves it (12.2-f): the outermost regfile that
     * says internal or external imposes it on everything inside; a register otherwise uses its own
     * setting, an alias that of its primary, and fields follow their register.
     */
    private static boolean external(ENode n, Boolean coerced) {
        if (coerced != null) {
            return coerced;
        }
        if (n.external != null) {
            return n.external;
        }
        if (n.aliasPrimary != null) {
            ENode.Group g = n.parent.groupByName.get(n.aliasPrimary);
            if (g != null && !g.elements.isEmpty() && g.elements.get(0).external != null) {
                return g.elements.get(0).external;
            }
        }
        return false;
    }

    private Node convert(ENode n, Boolean coerced) {
        boolean external = external(n, coerced);
        Boolean childCoerced = coerced;
        if (n.kind == CompKind.REGFILE && coerced == null && n.external != null || n.kind == CompKind.REG) {
            childCoerced = external;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> user = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : n.props.entrySet()) {
            if (PropertyRules.builtin(e.getKey()) != null || e.getKey().equals("intrtype")) {
                props.put(e.getKey(), value(e.getValue()));
            } else {
                user.put(e.getKey(), value(e.getValue()));
            }
        }
        addUdpDefaults(n, user);
        String path = n.path();
        List<Integer> idx = n.indices;
        Node out = switch (n.kind) {
            case ADDRMAP -> new AddrmapNode(n.instName, path, idx, props, user, n.absolute, n.offset, n.size, external);
            case REGFILE -> new RegfileNode(n.instName, path, idx, props, user, n.absolute, n.offset, n.size, external);
            case MEM -> new MemNode(n.instName, path, idx, props, user, n.absolute, n.offset, n.size, external);
            case REG -> new RegNode(n.instName, path, idx, props, user, n.absolute, n.offset, n.size, external, n.msb0,
                    aliasPath(n));
            case FIELD -> new FieldNode(n.instName, path, props, user, n.low, n.high,
                    n.props.get("encode") instanceof Values.EnumTypeV et ? enumType(et) : null);
            case SIGNAL -> new SignalNode(n.instName, path, idx, props, user);
            default -> throw new IllegalStateException(n.kind.toString());
        };
        List<Node> children = new ArrayList<>();
        List<FieldNode> fields = new ArrayList<>();
        List<ENode> kids = new ArrayList<>(n.children());
        if (n.kind.addressable() && n.kind != CompKind.REG) {
            kids.sort(Comparator.comparingLong(c -> c.kind.addressable() ? c.offset : -1));
        }
        for (ENode c : kids) {
            if (!c.present()) {
                continue;
            }
            Node cn = convert(c, childCoerced);
            if (cn instanceof FieldNode f) {
                fields.add(f);
            } else {
                children.add(cn);
            }
        }
        if (out instanceof RegNode r) {
            fields.sort(Comparator.comparingInt(FieldNode::lsb));
            ElaboratedModel.Wiring.fields(r, fields);
        }
        ElaboratedModel.Wiring.children(out, children);
        ElaboratedModel.Wiring.location(out, n.loc);
        ElaboratedModel.Wiring.typeName(out, n.def == null ? null : n.def.name());
        return out;
    }

    private static String aliasPath(ENode n) {
        if (n.aliasPrimary == null) {
            return null;
        }
        ENode.Group g = n.parent.groupByName.get(n.aliasPrimary);
        if (g == null || g.elements.isEmpty()) {
            return null;
        }
        int i = g.elements.size() > 1 && n.parent.groupByName.get(n.instName).elements.size() == g.elements.size()
                ? n.parent.groupByName.get(n.instName).elements.indexOf(n) : 0;
        return g.elements.get(Math.max(i, 0)).path();
    }

    private void addUdpDefaults(ENode n, Map<String, Object> user) {
        for (PropertyDef u : udps.values()) {
            if (u.defaultValue() == null || user.containsKey(u.name())) {
                continue;
            }
            if (!(u.components().contains("all") || u.components().contains(n.kind.keyword()))) {
                continue;
            }
            Object v = udpDefaults.computeIfAbsent(u, k -> value(ev.eval(k.defaultValue(), rootEnv)));
            user.put(u.name(), v);
        }
    }

    private EnumType enumType(Values.EnumTypeV et) {
        return enums.computeIfAbsent(et, k -> new EnumType(k.name(), k.members().stream()
                .map(m -> new EnumType.Member(m.name(), m.value(), m.displayName(), m.desc())).toList()));
    }

    private Object value(Object v) {
        if (v instanceof Values.Kw k) {
            return k.name();
        }
        if (v instanceof Values.SizedInt s) {
            return s.value();
        }
        if (v instanceof Values.EnumMemberV m) {
            return new EnumType.Member(m.name(), m.value(), m.displayName(), m.desc());
        }
        if (v instanceof Values.EnumTypeV et) {
            return enumType(et);
        }
        if (v instanceof Values.NodeRef r) {
            return new Reference(r.node().path(), null);
        }
        if (v instanceof Values.PropRef r) {
            return new Reference(r.node().path(), r.property());
        }
        if (v instanceof Values.StructV s) {
            Map<String, Object> m = new LinkedHashMap<>();
            s.members().forEach((k, x) -> m.put(k, value(x)));
            return new StructValue(s.def().name(), m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(value(x));
            }
            return out;
        }
        return v;
    }
}
