package io.halcyon.rdl.compiler.model;

import java.util.List;
import java.util.Map;

public final class AddrmapNode extends AddressableNode {

    public AddrmapNode(String instName, String path, List<Integer> arrayIndices, Map<String, Object> properties,
            Map<String, Object> userProperties, long absoluteAddress, long addressOffset, long size, boolean external) {
        super(instName, path, arrayIndices, properties, userProperties, absoluteAddress, addressOffset, size, external);
    }

    /** The addressing mode in force for this map's children: regalign (default), compact or fullalign. */
    public String addressing() {
        return properties().get("addressing") instanceof String s ? s : "regalign";
    }

    public boolean bridge() {
        return flag("bridge");
    }
}
