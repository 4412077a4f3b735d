package io.halcyon.rdl.compiler.model;

import java.util.List;
import java.util.Map;

public final class RegfileNode extends AddressableNode {

    public RegfileNode(String instName, String path, List<Integer> arrayIndices, Map<String, Object> properties,
            Map<String, Object> userProperties, long absoluteAddress, long addressOffset, long size, boolean external) {
        super(instName, path, arrayIndices, properties, userProperties, absoluteAddress, addressOffset, size, external);
    }
}
