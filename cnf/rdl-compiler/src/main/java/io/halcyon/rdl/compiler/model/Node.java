package io.halcyon.rdl.compiler.model;

import io.halcyon.rdl.compiler.diag.SourceLocation;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An elaborated component instance. Array instances appear as one node per element, with the
 * element's indices in {@link #arrayIndices()} and in the path ({@code top.rf[1].r[0]}).
 * Property values use plain Java types: Long, Boolean, String (also for keywords such as rw or
 * woclr), List, {@link EnumType}, {@link StructValue} and {@link Reference}.
 */
public abstract class Node {

    private final String instName;
    private final String path;
    private final List<Integer> arrayIndices;
    private final Map<String, Object> properties;
    private final Map<String, Object> userProperties;
    private List<Node> children = List.of();
    private SourceLocation location;
    private String typeName;

    protected Node(String instName, String path, List<Integer> arrayIndices, Map<String, Object> properties,
            Map<String, Object> userProperties) {
        this.instName = instName;
        this.path = path;
        this.arrayIndices = List.copyOf(arrayIndices);
        this.properties = Collections.unmodifiableMap(properties);
        this.userProperties = Collections.unmodifiableMap(userProperties);
    }

    /** Instance name without array suffix. */
    public String instName() {
        return instName;
    }

    /** Hierarchical path from the top, with array indices: {@code top.rf[1].r[0]}. */
    public String path() {
        return path;
    }

    public List<Integer> arrayIndices() {
        return arrayIndices;
    }

    /** The {@code name} property; as the standard says, it defaults to the instance name. */
    public String name() {
        Object n = properties.get("name");
        return n instanceof String s ? s : instName;
    }

    /** The {@code desc} property, or null. */
    public String desc() {
        return properties.get("desc") instanceof String s ? s : null;
    }

    /** All built-in properties that were set, after defaults, side effects and dynamic assignments. */
    public Map<String, Object> properties() {
        return properties;
    }

    public Object property(String name) {
        Object v = properties.get(name);
        return v != null ? v : userProperties.get(name);
    }

    /** User-defined properties (including those given only a default), by name. */
    public Map<String, Object> userProperties() {
        return userProperties;
    }

    /**
     * Where the instance is declared in the original source (file, line, column), for messages that
     * tools built on the model report against the description; null for nodes made outside the compiler.
     */
    public SourceLocation location() {
        return location;
    }

    void setLocation(SourceLocation location) {
        this.location = location;
    }

    /**
     * Name of the component definition this is an instance of ({@code dma} for {@code dma dma0 @ 0x0});
     * null for an anonymous definition.
     */
    public String typeName() {
        return typeName;
    }

    void setTypeName(String typeName) {
        this.typeName = typeName;
    }

    public List<Node> children() {
        return children;
    }

    void setChildren(List<Node> children) {
        this.children = List.copyOf(children);
    }

    protected boolean flag(String name) {
        Object v = properties.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        return v != null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + path + ")";
    }
}
