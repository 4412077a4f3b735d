package io.halcyon.rdl.compiler.model;

import java.util.List;
import java.util.Map;

/** A node with an address: addrmap, regfile, reg or mem. */
public abstract class AddressableNode extends Node {

    private final long absoluteAddress;
    private final long addressOffset;
    private final long size;
    private final boolean external;

    protected AddressableNode(String instName, String path, List<Integer> arrayIndices, Map<String, Object> properties,
            Map<String, Object> userProperties, long absoluteAddress, long addressOffset, long size, boolean external) {
        super(instName, path, arrayIndices, properties, userProperties);
        this.absoluteAddress = absoluteAddress;
        this.addressOffset = addressOffset;
        this.size = size;
        this.external = external;
    }

    public long absoluteAddress() {
        return absoluteAddress;
    }

    /** Offset from the parent's address (for an array element, including the element's stride). */
    public long addressOffset() {
        return addressOffset;
    }

    /** Size in bytes of this one element. */
    public long size() {
        return size;
    }

    public boolean external() {
        return external;
    }
}
