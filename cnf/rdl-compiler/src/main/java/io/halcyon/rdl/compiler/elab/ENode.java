package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.ast.ComponentDef;
import io.halcyon.rdl.compiler.ast.Stmt;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable node of the elaboration tree; turned into the public model when elaboration succeeds. */
final class ENode {

    /** The elements produced by one instance declaration, with their shared address layout. */
    static final class Group {
        final Stmt.InstanceDecl decl;
        final List<Integer> dims;
        final List<ENode> elements = new ArrayList<>();
        Long at;
        Long stride;
        Long align;
        long offset;
        long elementSize;
        long totalSize;

        Group(Stmt.InstanceDecl decl, List<Integer> dims) {
            this.decl = decl;
            this.dims = dims;
        }

        boolean isArray() {
            return !dims.isEmpty();
        }
    }

    final CompKind kind;
    final ComponentDef def;
    final String instName;
    final List<Integer> indices;
    final ENode parent;
    final SourceLocation loc;
    Env env;
    final Map<String, Object> props = new LinkedHashMap<>();
    /** Where each property got its value, for diagnostics about it. */
    final Map<String, SourceLocation> propLocs = new HashMap<>();
    final List<Group> groups = new ArrayList<>();
    final Map<String, Group> groupByName = new HashMap<>();
    Boolean external;
    String aliasPrimary;
    ENode aliasTarget;
    // field layout
    Integer explicitHigh;
    Integer explicitLow;
    boolean explicitMsb0Form;
    boolean explicitLsb0Form;
    int width = 1;
    int low;
    int high;
    boolean msb0;
    // address layout
    long offset;
    long size;
    long absolute;

    ENode(CompKind kind, ComponentDef def, String instName, List<Integer> indices, ENode parent, SourceLocation loc) {
        this.kind = kind;
        this.def = def;
        this.instName = instName;
        this.indices = List.copyOf(indices);
        this.parent = parent;
        this.loc = loc;
    }

    String path() {
        StringBuilder sb = new StringBuilder();
        if (parent != null && parent.kind != CompKind.ROOT) {
            sb.append(parent.path()).append('.');
        }
        sb.append(instName);
        for (int i : indices) {
            sb.append('[').append(i).append(']');
        }
        return sb.toString();
    }

    List<ENode> children() {
        List<ENode> all = new ArrayList<>();
        for (Group g : groups) {
            all.addAll(g.elements);
        }
        return all;
    }

    boolean present() {
        return !Boolean.FALSE.equals(props.get("ispresent"));
    }

    @Override
    public String toString() {
        return path();
    }
}
