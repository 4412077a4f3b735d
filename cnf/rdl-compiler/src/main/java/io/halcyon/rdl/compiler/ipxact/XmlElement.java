package io.halcyon.rdl.compiler.ipxact;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of an XML document with where it starts, as much of the document as the IP-XACT
 * import needs: namespace, local name, attributes by local name, text, child elements in order.
 */
final class XmlElement {

    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final SourceLocation location;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    XmlElement(String namespace, String name, Map<String, String> attributes, SourceLocation location) {
        this.namespace = namespace;
        this.name = name;
        this.attributes = Map.copyOf(attributes);
        this.location = location;
    }

    String namespace() {
        return namespace;
    }

    /** The local name, without prefix: {@code register}. */
    String name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    /** An attribute by local name, or null. */
    String attribute(String localName) {
        return attributes.get(localName);
    }

    List<XmlElement> children() {
        return children;
    }

    /** The text directly inside the element, stripped. */
    String text() {
        return text.toString().strip();
    }

    /** The first child of that local name, or null. */
    XmlElement child(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return c;
            }
        }
        return null;
    }

    /** The text of the first child of that local name, or null when there is none. */
    String childText(String localName) {
        XmlElement c = child(localName);
        return c == null ? null : c.text();
    }

    List<XmlElement> children(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    void add(XmlElement child) {
        children.add(child);
    }

    void appendText(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }
}
