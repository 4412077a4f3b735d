package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.diag.Diagnostic;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Semantic rules checked on the finished instance tree; all violations are reported together. */
final class Validator {

    private static final Set<String> HW_WRITABLE = Set.of("rw", "w", "rw1", "w1");
    private static final Set<String> COUNTER_PROPS = Set.of("incr", "decr", "incrvalue", "decrvalue", "incrwidth",
            "decrwidth", "overflow", "underflow", "incrsaturate", "decrsaturate", "incrthreshold", "decrthreshold",
            "saturate", "threshold");

    private final ENode root;
    private final ENode top;
    private final List<Diagnostic> errors = new ArrayList<>();

    Validator(ENode root, ENode top) {
        this.root = root;
        this.top = top;
    }

    void run() {
        checkSignals(root);
        visit(top);
        if (!errors.isEmpty()) {
            throw new RdlException(errors);
        }
    }

    private void error(SourceLocation loc, String message) {
        errors.add(new Diagnostic(loc, message));
    }

    private void visit(ENode n) {
        if (!n.present()) {
            return;
        }
        checkSignals(n);
        checkReferences(n);
        switch (n.kind) {
            case ADDRMAP -> {
                checkBridge(n);
                checkOverlaps(n);
            }
            case REGFILE, MEM -> checkOverlaps(n);
            case REG -> checkReg(n);
            case FIELD -> checkField(n);
            default -> { }
        }
        for (ENode c : n.children()) {
            visit(c);
        }
    }

    private void checkSignals(ENode n) {
        String[] kinds = {"field_reset", "cpuif_reset"};
        for (String k : kinds) {
            boolean seen = false;
            for (ENode c : n.children()) {
                if (c.kind == CompKind.SIGNAL && Boolean.TRUE.equals(c.props.get(k))) {
                    if (seen) {
                        error(c.loc, "Only one '" + k + "' signal is allowed per hierarchy. Signal '" + c.instName
                                + "' is redundant.");
                    }
                    seen = true;
                }
            }
        }
    }

    private void checkBridge(ENode n) {
        boolean bridge = Boolean.TRUE.equals(n.props.get("bridge"));
        if (!bridge) {
            return;
        }
        SourceLocation loc = n.propLocs.getOrDefault("bridge", n.loc);
        if (n != top) {
            error(n.loc, "The 'bridge' property can only be applied to the root address map (found on '" + n.path() + "')");
            return;
        }
        int maps = 0;
        for (ENode c : n.children()) {
            if (c.kind == CompKind.ADDRMAP) {
                maps++;
            } else if (c.kind != CompKind.SIGNAL) {
                error(c.loc, "Addrmap '" + n.instName + "' is a bridge and can only contain addrmaps, but '"
                        + c.instName + "' is a " + c.kind.keyword());
            }
        }
        if (maps < 2) {
            error(loc, "Addrmap '" + n.instName + "' is a bridge and shall contain 2 or more sub-addrmaps");
        }
    }

    /** Software access summary of a register: which of read and write any field allows. */
    private static int swAccess(ENode n) {
        if (n.kind != CompKind.REG) {
            return 3;
        }
        int acc = 0;
        for (ENode f : n.children()) {
            if (f.kind == CompKind.FIELD) {
                acc |= fieldAccess(f);
            }
        }
        return acc;
    }

    private static int fieldAccess(ENode f) {
        String sw = String.valueOf(f.props.get("sw"));
        int acc = 0;
        if (sw.startsWith("r")) {
            acc |= 1;
        }
        if (sw.contains("w")) {
            acc |= 2;
        }
        return acc;
    }

    private void checkOverlaps(ENode n) {
        if (Boolean.TRUE.equals(n.props.get("bridge"))) {
            return;
        }
        List<ENode> items = new ArrayList<>();
        for (ENode c : n.children()) {
            if (c.kind.addressable() && c.present()) {
                items.add(c);
            }
        }
        items.sort(Comparator.comparingLong(c -> c.offset));
        Map<ENode, Integer> access = new IdentityHashMap<>();
        List<ENode> active = new ArrayList<>();
        for (ENode c : items) {
            active.removeIf(a -> a.offset + a.size <= c.offset);
            for (ENode a : active) {
                int x = access.computeIfAbsent(a, Validator::swAccess);
                int y = access.computeIfAbsent(c, Validator::swAccess);
                // A read-only and a write-only register may share addresses (10.6.1-d).
                if ((x == 1 && y == 2) || (x == 2 && y == 1)) {
                    continue;
                }
                error(c.loc, "Instance '" + display(c) + "' at offset +0x" + Long.toHexString(c.offset) + ":0x"
                        + Long.toHexString(c.offset + c.size - 1) + " overlaps with '" + display(a) + "' at offset +0x"
                        + Long.toHexString(a.offset) + ":0x" + Long.toHexString(a.offset + a.size - 1));
                break;
            }
            active.add(c);
        }
    }

    private static String display(ENode n) {
        StringBuilder sb = new StringBuilder(n.instName);
        for (int i : n.indices) {
            sb.append('[').append(i).append(']');
        }
        return sb.toString();
    }

    private void checkReg(ENode reg) {
        List<ENode> fields = new ArrayList<>();
        for (ENode c : reg.children()) {
            if (c.kind == CompKind.FIELD) {
                fields.add(c);
            }
        }
        if (fields.isEmpty()) {
            error(reg.loc, "Register '" + reg.instName + "' does not contain any fields");
            return;
        }
        fields.sort(Comparator.comparingInt(f -> f.low));
        for (int i = 1; i < fields.size(); i++) {
            ENode a = fields.get(i - 1);
            ENode b = fields.get(i);
            if (b.low <= a.high) {
                int x = fieldAccess(a);
                int y = fieldAccess(b);
                if ((x == 1 && y == 2) || (x == 2 && y == 1)) {
                    continue;
                }
                error(b.loc, "Field '" + b.instName + "' [" + b.high + ":" + b.low + "] overlaps with field '"
                        + a.instName + "' [" + a.high + ":" + a.low + "]");
            }
        }
    }

    private void checkField(ENode f) {
        String sw = String.valueOf(f.props.get("sw"));
        String hw = String.valueOf(f.props.get("hw"));
        Object reset = f.props.get("reset");
        if (reset instanceof Long r && f.width < 64 && (r >>> f.width) != 0) {
            error(f.propLocs.getOrDefault("reset", f.loc), "Reset value 0x" + Long.toHexString(r) + " of field '"
                    + f.instName + "' does not fit in its " + f.width + " bits");
        }
        if (Boolean.TRUE.equals(f.props.get("singlepulse"))) {
            if (f.width != 1) {
                error(f.loc, "Field '" + f.instName + "' marked as 'singlepulse' shall have width of 1");
            }
            if (reset instanceof Long r && r != 0) {
                error(f.loc, "Field '" + f.instName + "' marked as 'singlepulse' shall have a reset value of 0");
            }
            if (!sw.contains("w")) {
                error(f.loc, "Field '" + f.instName + "' marked as 'singlepulse' shall be writable by software");
            }
            Object onwrite = f.props.get("onwrite");
            if (onwrite != null) {
                error(f.loc, "Field '" + f.instName + "' marked as 'singlepulse' has conflicting 'onwrite' value of '"
                        + onwrite + "'");
            }
        }
        for (String p : new String[] {"we", "wel"}) {
            Object v = f.props.get(p);
            if (v != null && !Boolean.FALSE.equals(v) && !HW_WRITABLE.contains(hw)) {
                error(f.propLocs.getOrDefault(p, f.loc), "Field '" + f.instName + "' sets property '" + p
                        + "', but the field's 'hw' property indicates is not writable by hardware");
            }
        }
        if (sw.equals("na") && hw.equals("na")) {
            error(f.loc, "Field '" + f.instName + "' is not accessible by software or hardware (sw = na and hw = na)");
        }
        if (reset instanceof Values.NodeRef nr && nr.node() == f
                || reset instanceof Values.PropRef pr && pr.node() == f) {
            error(f.propLocs.getOrDefault("reset", f.loc), "Field '" + f.instName + "' cannot reference itself in reset property");
        }
    }

    /** Checks every property whose value refers to another instance's property. */
    private void checkReferences(ENode n) {
        for (Map.Entry<String, Object> e : n.props.entrySet()) {
            if (e.getValue() instanceof Values.PropRef pr) {
                SourceLocation loc = n.propLocs.getOrDefault(e.getKey(), n.loc);
                checkPropRef(pr, loc, new IdentityHashMap<>());
            }
        }
    }

    private void checkPropRef(Values.PropRef pr, SourceLocation loc, Map<Object, Boolean> seen) {
        ENode t = pr.node();
        String p = pr.property();
        if (seen.put(t.props.get(p) == null ? pr : t.props.get(p), Boolean.TRUE) != null) {
            error(loc, "Assignment creates a circular reference");
            return;
        }
        if (t.kind == CompKind.FIELD && COUNTER_PROPS.contains(p) && !Boolean.TRUE.equals(t.props.get("counter"))) {
            error(loc, "Reference to property '" + p + "' is illegal because '" + t.instName + "' is not a counter");
            return;
        }
        switch (p) {
            case "reset" -> {
                if (t.props.get("reset") == null) {
                    error(loc, "Assignment references the value of property 'reset', but its value was never set for instance '"
                            + t.instName + "'");
                    return;
                }
            }
            case "we", "wel" -> {
                if (!enabled(t, "we") && !enabled(t, "wel")) {
                    error(loc, "Assignment references property '" + p
                            + "', but the signal it represents was never defined or enabled for instance '" + t.instName + "'");
                    return;
                }
            }
            case "swwe", "swwel" -> {
                if (!enabled(t, "swwe") && !enabled(t, "swwel")) {
                    error(loc, "Assignment references property '" + p
                            + "', but the signal it represents was never defined or enabled for instance '" + t.instName + "'");
                    return;
                }
            }
            case "incrthreshold", "decrthreshold" -> {
                if (!enabled(t, "incrthreshold") && !enabled(t, "decrthreshold")) {
                    error(loc, "Reference to property '" + p
                            + "' is illegal because the target field does not define any thresholds");
                    return;
                }
            }
            case "incrsaturate", "decrsaturate" -> {
                if (!enabled(t, "incrsaturate") && !enabled(t, "decrsaturate")) {
                    error(loc, "Reference to property '" + p
                            + "' is illegal because the target field does not define any saturation");
                    return;
                }
            }
            default -> { }
        }
        if (t.props.get(p) instanceof Values.PropRef next) {
            checkPropRef(next, loc, seen);
        }
    }

    private static boolean enabled(ENode n, String p) {
        Object v = n.props.get(p);
        return v != null && !Boolean.FALSE.equals(v);
    }
}
