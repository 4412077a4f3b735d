package io.halcyon.rdl.compiler.model;

import java.util.List;
import java.util.Map;

public final class RegNode extends AddressableNode {

    private final boolean msb0;
    private final String aliasOf;
    private List<FieldNode> fields = List.of();

    public RegNode(String instName, String path, List<Integer> arrayIndices, Map<String, Object> properties,
            Map<String, Object> userProperties, long absoluteAddress, long addressOffset, long size, boolean external,
            boolean msb0, String aliasOf) {
        super(instName, path, arrayIndices, properties, userProperties, absoluteAddress, addressOffset, size, external);
        this.msb0 = msb0;
        this.aliasOf = aliasOf;
    }

    /** regwidth in bits. */
    public int width() {
        return ((Long) properties().get("regwidth")).intValue();
    }

    public int accessWidth() {
        return ((Long) properties().get("accesswidth")).intValue();
    }

    /** Fields ordered by lsb. */
    public List<FieldNode> fields() {
        return fields;
    }

    void setFields(List<FieldNode> fields) {
        this.fields = List.copyOf(fields);
    }

    /** True when the fields were given in msb0 order (bit 0 is the register's most significant bit). */
    public boolean msb0() {
        return msb0;
    }

    /** Path of the primary register when this is an alias, else null. */
    public String aliasOf() {
        return aliasOf;
    }

    /** Register reset value built from the fields' constant resets (fields without one count as 0). */
    public long reset() {
        long v = 0;
        for (FieldNode f : fields) {
            if (f.reset() != null) {
                long mask = f.width() >= 64 ? -1L : (1L << f.width()) - 1;
                v |= (f.reset() & mask) << f.lsb();
            }
        }
        return v;
    }

    /** True when at least one field has a constant reset value. */
    public boolean hasReset() {
        return fields.stream().anyMatch(f -> f.reset() != null);
    }
}
