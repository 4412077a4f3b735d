package io.halcyon.rdl.compiler.model;

import java.util.List;
import java.util.Map;

/** An elaborated field. Bit positions are physical: lsb is the lowest bit index, msb the highest. */
public final class FieldNode extends Node {

    private final int lsb;
    private final int msb;
    private final EnumType encode;

    public FieldNode(String instName, String path, Map<String, Object> properties, Map<String, Object> userProperties,
            int lsb, int msb, EnumType encode) {
        super(instName, path, List.of(), properties, userProperties);
        this.lsb = lsb;
        this.msb = msb;
        this.encode = encode;
    }

    public int lsb() {
        return lsb;
    }

    public int msb() {
        return msb;
    }

    public int width() {
        return msb - lsb + 1;
    }

    /** Software access: rw, r, w, rw1, w1 or na. */
    public String sw() {
        return (String) properties().get("sw");
    }

    /** Hardware access: rw, r, w or na. */
    public String hw() {
        return (String) properties().get("hw");
    }

    /** rclr, rset or ruser; null when reading has no side effect. */
    public String onread() {
        return properties().get("onread") instanceof String s ? s : null;
    }

    /** woset, woclr, wot, wzs, wzc, wzt, wclr, wset or wuser; null for a plain write. */
    public String onwrite() {
        return properties().get("onwrite") instanceof String s ? s : null;
    }

    /** Constant reset value, or null when there is none (or it comes from a signal or field). */
    public Long reset() {
        return properties().get("reset") instanceof Long l ? l : null;
    }

    /** Reset value given by reference (a signal or field), else null. */
    public Reference resetReference() {
        return properties().get("reset") instanceof Reference r ? r : null;
    }

    public EnumType encode() {
        return encode;
    }

    public boolean singlepulse() {
        return flag("singlepulse");
    }

    public boolean donttest() {
        return flag("donttest");
    }

    public boolean dontcompare() {
        return flag("dontcompare");
    }

    public boolean counter() {
        return flag("counter");
    }

    public boolean interrupt() {
        return flag("intr");
    }

    /** Interrupt type when {@link #interrupt()}: level, posedge, negedge or bothedge. */
    public String interruptType() {
        return properties().get("intrtype") instanceof String s ? s : (interrupt() ? "level" : null);
    }

    public boolean swReadable() {
        return sw().startsWith("r");
    }

    public boolean swWritable() {
        return sw().contains("w");
    }
}
