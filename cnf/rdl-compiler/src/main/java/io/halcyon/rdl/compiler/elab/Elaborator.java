package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.ast.ComponentDef;
import io.halcyon.rdl.compiler.ast.Expr;
import io.halcyon.rdl.compiler.ast.ParamDecl;
import io.halcyon.rdl.compiler.ast.Stmt;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed definitions into an instance tree for one top address map. Each instance body is
 * elaborated in this order: defaults captured at its definition, its own property assignments,
 * the instance's own bits (width, reset), children, then its dynamic assignments (so an outer
 * assignment overrides an inner one), then its layout (field packing or address allocation).
 */
public final class Elaborator {

    private static final Map<CompKind, Set<CompKind>> ALLOWED_CHILDREN = Map.of(
            CompKind.ROOT, EnumSet.of(CompKind.SIGNAL),
            CompKind.ADDRMAP, EnumSet.of(CompKind.ADDRMAP, CompKind.REGFILE, CompKind.REG, CompKind.MEM, CompKind.SIGNAL),
            CompKind.REGFILE, EnumSet.of(CompKind.REGFILE, CompKind.REG, CompKind.SIGNAL),
            CompKind.REG, EnumSet.of(CompKind.FIELD, CompKind.SIGNAL),
            CompKind.FIELD, EnumSet.of(CompKind.SIGNAL),
            CompKind.MEM, EnumSet.of(CompKind.REG),
            CompKind.SIGNAL, EnumSet.noneOf(CompKind.class));

    private final ComponentDef root;
    private final Evaluator ev = new Evaluator();
    private final PropertyRules rules;
    private Env rootEnv;

    public Elaborator(ComponentDef root) {
        this.root = root;
        this.rules = new PropertyRules(root.properties(), ev);
    }

    /** Names of root-level address maps, in definition order; the last is the default top. */
    public static List<String> rootAddrmaps(ComponentDef root) {
        List<String> names = new ArrayList<>();
        for (ComponentDef d : root.types().values()) {
            if (d.kind() == CompKind.ADDRMAP) {
                names.add(d.name());
            }
        }
        return names;
    }

    public ElaboratedModel elaborate(String topName) {
        ComponentDef topDef = pickTop(topName);
        ENode rootNode = new ENode(CompKind.ROOT, root, "$root", List.of(), null, root.loc());
        rootEnv = new Env(root, null, rootNode);
        rootNode.env = rootEnv;
        for (Stmt s : root.body()) {
            if (s instanceof Stmt.Instantiate inst) {
                instantiateAll(inst, rootEnv, rootNode);
            } else if (s instanceof Stmt.PropAssign pa) {
                throw new RdlException(pa.loc(), "property assignment '" + pa.property()
                        + "' is not allowed in the root scope (expected 'default' or a dynamic assignment)");
            }
        }
        Stmt.InstanceDecl topDecl = new Stmt.InstanceDecl(topDef.loc(), topDef.name(), List.of(), null, null, null, null);
        ENode top = instantiate(topDef, null, topDecl, rootEnv, rootNode, List.of());
        for (Stmt s : root.body()) {
            if (s instanceof Stmt.DynamicAssign da) {
                dynamicAssign(da, rootEnv);
            }
        }
        Layout.assignAbsolute(top, 0);
        new Validator(rootNode, top).run();
        return new ModelBuilder(root.properties(), ev, rootEnv).build(top);
    }

    private ComponentDef pickTop(String topName) {
        if (topName != null) {
            ComponentDef d = root.types().get(topName);
            if (d == null || d.kind() != CompKind.ADDRMAP) {
                throw new RdlException(new SourceLocation("<command line>", 0, 0),
                        "no root-level addrmap named '" + topName + "' (available: " + rootAddrmaps(root) + ")");
            }
            return d;
        }
        List<String> names = rootAddrmaps(root);
        if (names.isEmpty()) {
            throw new RdlException(new SourceLocation("<input>", 0, 0), "no root-level addrmap to elaborate (expected at least one 'addrmap NAME { ... };')");
        }
        return root.types().get(names.get(names.size() - 1));
    }

    // ---------------------------------------------------------------- instances

    private void instantiateAll(Stmt.Instantiate st, Env callerEnv, ENode parent) {
        ComponentDef def = st.definition();
        if (!ALLOWED_CHILDREN.get(parent.kind).contains(def.kind())) {
            throw new RdlException(st.loc(), "a " + def.kind().keyword() + " cannot be instantiated in "
                    + (parent.kind == CompKind.ROOT ? "the root scope" : "a " + parent.kind.keyword()));
        }
        boolean widthDims = def.kind() == CompKind.FIELD || def.kind() == CompKind.SIGNAL;
        for (Stmt.InstanceDecl decl : st.instances()) {
            if (parent.groupByName.containsKey(decl.name())) {
                throw new RdlException(decl.loc(), "instance name '" + decl.name() + "' is already used in this scope");
            }
            List<Integer> dims = new ArrayList<>();
            if (!widthDims) {
                for (Stmt.ArrayDim d : decl.dims()) {
                    if (d.second() != null) {
                        throw new RdlException(d.loc(), "array dimension of '" + decl.name() + "' must be [size], not a range");
                    }
                    long n = ev.integer(ev.eval(d.first(), callerEnv), d.first().loc());
                    if (n <= 0) {
                        throw new RdlException(d.loc(), "array dimension of '" + decl.name() + "' must be greater than 0");
                    }
                    dims.add((int) n);
                }
            }
            ENode.Group g = new ENode.Group(decl, dims);
            g.at = optLong(decl.at(), callerEnv);
            g.stride = optLong(decl.stride(), callerEnv);
            g.align = optLong(decl.align(), callerEnv);
            if (g.align != null && (g.align <= 0 || Long.bitCount(g.align) != 1)) {
                throw new RdlException(decl.align().loc(), "alignment '%=' must be a power of 2");
            }
            if (!dims.isEmpty() || g.stride == null) {
                // fine
            } else {
                throw new RdlException(decl.stride().loc(), "'+=' stride given for '" + decl.name() + "', which is not an array");
            }
            parent.groups.add(g);
            parent.groupByName.put(decl.name(), g);
            int count = 1;
            for (int d : dims) {
                count *= d;
            }
            int[] idx = new int[dims.size()];
            for (int i = 0; i < count; i++) {
                List<Integer> indices = new ArrayList<>(dims.size());
                for (int k : idx) {
                    indices.add(k);
                }
                g.elements.add(instantiate(def, st, decl, callerEnv, parent, indices));
                for (int k = dims.size() - 1; k >= 0; k--) {
                    if (++idx[k] < dims.get(k)) {
                        break;
                    }
                    idx[k] = 0;
                }
            }
        }
    }

    private Long optLong(Expr e, Env env) {
        return e == null ? null : ev.integer(ev.eval(e, env), e.loc());
    }

    private ENode instantiate(ComponentDef def, Stmt.Instantiate st, Stmt.InstanceDecl decl, Env callerEnv,
            ENode parent, List<Integer> indices) {
        Env lexical = def.parent() == null || def.parent() == root ? rootEnv : callerEnv.forDef(def.parent());
        if (lexical == null) {
            lexical = rootEnv;
        }
        Env env = new Env(def, lexical, null);
        bindParameters(def, st, decl, callerEnv, env);
        ENode node = new ENode(def.kind(), def, decl.name(), indices, parent, decl.loc());
        env.node = node;
        node.env = env;
        if (st != null) {
            node.external = st.external();
            node.aliasPrimary = st.aliasPrimary();
        }
        applyDefaults(def, node, env);
        List<Stmt.PropAssign> deferred = new ArrayList<>();
        for (Stmt s : def.body()) {
            if (s instanceof Stmt.PropAssign pa) {
                try {
                    assignLocal(pa, node, env);
                } catch (Evaluator.UnresolvedReference e) {
                    // Refers to an instance declared in this body: assign once children exist.
                    deferred.add(pa);
                }
            }
        }
        instanceSpecifics(node, decl, callerEnv);
        for (Stmt s : def.body()) {
            if (s instanceof Stmt.Instantiate inst) {
                instantiateAll(inst, env, node);
            }
        }
        for (Stmt.PropAssign pa : deferred) {
            assignLocal(pa, node, env);
        }
        for (Stmt s : def.body()) {
            if (s instanceof Stmt.DynamicAssign da) {
                dynamicAssign(da, env);
            }
        }
        switch (def.kind()) {
            case REG -> Layout.packFields(node);
            case ADDRMAP, REGFILE -> Layout.allocate(node);
            case MEM -> Layout.allocateMem(node);
            default -> { }
        }
        return node;
    }

    private void bindParameters(ComponentDef def, Stmt.Instantiate st, Stmt.InstanceDecl decl, Env callerEnv, Env env) {
        Map<String, Stmt.ParamAssign> overrides = new HashMap<>();
        if (st != null) {
            for (Stmt.ParamAssign pa : st.params()) {
                if (def.params().stream().noneMatch(pd -> pd.name().equals(pa.name()))) {
                    throw new RdlException(pa.loc(), "'" + (def.name() == null ? "component" : def.name())
                            + "' has no parameter named '" + pa.name() + "'");
                }
                if (overrides.put(pa.name(), pa) != null) {
                    throw new RdlException(pa.loc(), "parameter '" + pa.name() + "' is assigned twice");
                }
            }
        }
        for (ParamDecl pd : def.params()) {
            Stmt.ParamAssign o = overrides.get(pd.name());
            Object v;
            SourceLocation where;
            if (o != null) {
                v = ev.eval(o.value(), callerEnv, false);
                where = o.loc();
            } else if (pd.defaultValue() != null) {
                v = ev.eval(pd.defaultValue(), env, false);
                where = pd.loc();
            } else {
                throw new RdlException(decl.loc(), "parameter '" + pd.name() + "' of '" + def.name()
                        + "' has no default value and is not assigned (expected #(." + pd.name() + "(value)))");
            }
            if (Values.containsReference(v)) {
                throw new RdlException(where, "Parameter '" + pd.name()
                        + "' contains a reference. SystemRDL does not allow component references inside parameter values.");
            }
            if (v instanceof Values.SizedInt s) {
                v = s.value();
            }
            env.params.put(pd.name(), v);
        }
    }

    private void applyDefaults(ComponentDef def, ENode node, Env env) {
        for (ComponentDef.DefaultEntry de : def.defaults()) {
            Stmt.PropAssign pa = de.assign();
            if (!rules.exists(pa.property())) {
                throw new RdlException(pa.loc(), "property '" + pa.property() + "' is not defined");
            }
            if (!rules.appliesTo(pa.property(), node.kind)) {
                continue;
            }
            Env denv = de.scope() == root ? rootEnv : env.forDef(de.scope());
            if (denv == null) {
                denv = rootEnv;
            }
            Object v = pa.value() == null ? PropertyRules.NO_VALUE
                    : ev.eval(pa.value(), denv, rules.expectsReference(pa.property()));
            rules.assign(node, pa.property(), v, pa.modifier(), pa.loc());
        }
    }

    private void assignLocal(Stmt.PropAssign pa, ENode node, Env env) {
        Object v = pa.value() == null ? PropertyRules.NO_VALUE
                : ev.eval(pa.value(), env, rules.expectsReference(pa.property()));
        rules.assign(node, pa.property(), v, pa.modifier(), pa.loc());
    }

    private void dynamicAssign(Stmt.DynamicAssign da, Env env) {
        Expr.Ref targetPath = new Expr.Ref(da.target().loc(), da.target().path(), null);
        List<ENode> targets = ev.resolve(targetPath, env);
        Object v = da.value() == null ? PropertyRules.NO_VALUE
                : ev.eval(da.value(), env, rules.expectsReference(da.property()));
        for (ENode t : targets) {
            rules.assign(t, da.property(), v, da.modifier(), da.loc());
        }
    }

    /** Width, bit range and reset written on the instance itself: {@code f[7:4] = 2}. */
    private void instanceSpecifics(ENode node, Stmt.InstanceDecl decl, Env callerEnv) {
        if (node.kind == CompKind.FIELD) {
            fieldWidth(node, decl, callerEnv);
            node.props.putIfAbsent("sw", "rw");
            node.props.putIfAbsent("hw", "rw");
            if (decl.reset() != null) {
                Object v = ev.eval(decl.reset(), callerEnv, true);
                rules.assign(node, "reset", v, null, decl.reset().loc());
            }
            return;
        }
        if (decl.reset() != null) {
            throw new RdlException(decl.reset().loc(), "only fields take a reset value ('= value'); '"
                    + decl.name() + "' is a " + node.kind.keyword());
        }
        if (node.kind == CompKind.SIGNAL && !decl.dims().isEmpty()) {
            Stmt.ArrayDim d = decl.dims().get(0);
            long w = ev.integer(ev.eval(d.first(), callerEnv), d.first().loc());
            if (d.second() != null) {
                long b = ev.integer(ev.eval(d.second(), callerEnv), d.second().loc());
                w = Math.abs(w - b) + 1;
            }
            node.props.put("signalwidth", w);
        }
    }

    private void fieldWidth(ENode node, Stmt.InstanceDecl decl, Env callerEnv) {
        if (decl.dims().size() > 1) {
            throw new RdlException(decl.loc(), "a field cannot be an array (expected one [width] or [msb:lsb])");
        }
        Long fieldwidth = node.props.get("fieldwidth") instanceof Long l ? l : null;
        long width;
        if (decl.dims().isEmpty()) {
            width = fieldwidth != null ? fieldwidth : 1;
        } else {
            Stmt.ArrayDim d = decl.dims().get(0);
            long a = ev.integer(ev.eval(d.first(), callerEnv), d.first().loc());
            if (d.second() == null) {
                width = a;
            } else {
                long b = ev.integer(ev.eval(d.second(), callerEnv), d.second().loc());
                node.explicitHigh = (int) Math.max(a, b);
                node.explicitLow = (int) Math.min(a, b);
                node.explicitMsb0Form = a < b;
                node.explicitLsb0Form = a > b;
                width = Math.abs(a - b) + 1;
            }
            if (fieldwidth != null && fieldwidth != width) {
                throw new RdlException(d.loc(), "field '" + decl.name() + "' is " + width
                        + " bits wide but its fieldwidth property says " + fieldwidth);
            }
        }
        if (width <= 0 || width > 64) {
            throw new RdlException(decl.loc(), "field '" + decl.name() + "' has width " + width + " (expected 1 to 64)");
        }
        node.width = (int) width;
        node.props.put("fieldwidth", width);
    }
}
