package io.halcyon.rdl.compiler.model;

import java.util.List;
import java.util.Map;

public final class MemNode extends AddressableNode {

    public MemNode(String instName, String path, List<Integer> arrayIndices, Map<String, Object> properties,
            Map<String, Object> userProperties, long absoluteAddress, long addressOffset, long size, boolean external) {
        super(instName, path, arrayIndices, properties, userProperties, absoluteAddress, addressOffset, size, external);
    }

    public long entries() {
        return properties().get("mementries") instanceof Long l ? l : 0;
    }

    /** Width of one entry in bits (memwidth, default 32). */
    public int width() {
        return properties().get("memwidth") instanceof Long l ? l.intValue() : 32;
    }

    /** Software access: rw (default), r or w. */
    public String sw() {
        return properties().get("sw") instanceof String s ? s : "rw";
    }
}
