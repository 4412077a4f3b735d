package io.halcyon.rdl.compiler.ast;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component definition and the lexical scope it opens. Names of nested types, enums and structs
 * are looked up through {@link #parent()} up to the root scope.
 */
public final class ComponentDef {

    /** A {@code default} assignment in force where this component was defined, with the scope it was written in. */
    public record DefaultEntry(Stmt.PropAssign assign, ComponentDef scope) { }

    private final CompKind kind;
    private final String name;
    private final SourceLocation loc;
    private final ComponentDef parent;
    private final List<ParamDecl> params = new ArrayList<>();
    private final List<Stmt> body = new ArrayList<>();
    private final Map<String, ComponentDef> types = new LinkedHashMap<>();
    private final Map<String, EnumDef> enums = new LinkedHashMap<>();
    private final Map<String, StructDef> structs = new LinkedHashMap<>();
    private final Map<String, PropertyDef> properties = new LinkedHashMap<>();
    private List<DefaultEntry> defaults = List.of();

    public ComponentDef(CompKind kind, String name, SourceLocation loc, ComponentDef parent) {
        this.kind = kind;
        this.name = name;
        this.loc = loc;
        this.parent = parent;
    }

    public CompKind kind() {
        return kind;
    }

    /** Type name, or null for an anonymous definition. */
    public String name() {
        return name;
    }

    public SourceLocation loc() {
        return loc;
    }

    public ComponentDef parent() {
        return parent;
    }

    public List<ParamDecl> params() {
        return params;
    }

    public List<Stmt> body() {
        return body;
    }

    public Map<String, ComponentDef> types() {
        return types;
    }

    public Map<String, EnumDef> enums() {
        return enums;
    }

    public Map<String, StructDef> structs() {
        return structs;
    }

    /** User-defined properties; only the root scope has any. */
    public Map<String, PropertyDef> properties() {
        return properties;
    }

    public List<DefaultEntry> defaults() {
        return defaults;
    }

    public void setDefaults(List<DefaultEntry> defaults) {
        this.defaults = List.copyOf(defaults);
    }

    public ComponentDef lookupType(String typeName) {
        for (ComponentDef s = this; s != null; s = s.parent) {
            ComponentDef d = s.types.get(typeName);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    public EnumDef lookupEnum(String enumName) {
        for (ComponentDef s = this; s != null; s = s.parent) {
            EnumDef d = s.enums.get(enumName);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    public StructDef lookupStruct(String structName) {
        for (ComponentDef s = this; s != null; s = s.parent) {
            StructDef d = s.structs.get(structName);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    public ComponentDef root() {
        ComponentDef s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s;
    }

    @Override
    public String toString() {
        return kind.keyword() + " " + (name == null ? "<anonymous>" : name);
    }
}
