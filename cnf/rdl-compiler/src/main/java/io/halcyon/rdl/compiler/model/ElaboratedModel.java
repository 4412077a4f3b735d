package io.halcyon.rdl.compiler.model;

import io.halcyon.rdl.compiler.diag.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Result of elaboration: the top address map and convenient flat views of it. */
public final class ElaboratedModel {

    private final AddrmapNode top;
    private final List<RegNode> registers;
    private final List<MemNode> memories;
    private final Map<String, Node> byPath = new HashMap<>();

    public ElaboratedModel(AddrmapNode top) {
        this.top = top;
        List<RegNode> regs = new ArrayList<>();
        List<MemNode> mems = new ArrayList<>();
        collect(top, regs, mems);
        // Stable sort: registers at the same address (aliases, ro/wo pairs) keep declaration order.
        regs.sort(Comparator.comparingLong(RegNode::absoluteAddress));
        mems.sort(Comparator.comparingLong(MemNode::absoluteAddress));
        this.registers = List.copyOf(regs);
        this.memories = List.copyOf(mems);
    }

    private void collect(Node n, List<RegNode> regs, List<MemNode> mems) {
        byPath.put(n.path(), n);
        if (n instanceof RegNode r) {
            regs.add(r);
            index(r);
            return;
        }
        if (n instanceof MemNode m) {
            // Registers inside a mem describe its entries (virtual registers): indexed, not listed.
            mems.add(m);
            index(m);
            return;
        }
        for (Node c : n.children()) {
            collect(c, regs, mems);
        }
    }

    private void index(Node n) {
        byPath.put(n.path(), n);
        for (Node c : n.children()) {
            index(c);
        }
        if (n instanceof RegNode r) {
            for (FieldNode f : r.fields()) {
                index(f);
            }
        }
    }

    public AddrmapNode top() {
        return top;
    }

    /** Every register (array elements one by one), in address order; virtual registers of mems are not listed. */
    public List<RegNode> registers() {
        return registers;
    }

    public List<MemNode> memories() {
        return memories;
    }

    /** Looks up a node by its path, e.g. {@code top.rf[1].r[0].f}; null if absent. */
    public Node find(String path) {
        return byPath.get(path);
    }

    static void link(Node parent, List<Node> children) {
        parent.setChildren(children);
    }

    static void linkFields(RegNode reg, List<FieldNode> fields) {
        reg.setFields(fields);
    }

    /** Used by the elaborator, which lives in another package, to wire up nodes it builds. */
    public static final class Wiring {
        private Wiring() {
        }

        public static void children(Node parent, List<Node> children) {
            link(parent, children);
        }

        public static void fields(RegNode reg, List<FieldNode> fields) {
            linkFields(reg, fields);
        }

        public static void location(Node node, SourceLocation location) {
            node.setLocation(location);
        }

        public static void typeName(Node node, String typeName) {
            node.setTypeName(typeName);
        }
    }
}
