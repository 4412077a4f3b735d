package io.halcyon.rdl.generator;

/** What a software write does to one field, from SystemRDL's sw, onwrite and singlepulse. */
enum WriteAction {
    /** Software cannot write the field. */
    NONE(null, false),
    /** The written value is stored: read-modify-write must write back what was read. */
    STORE(null, false),
    /** singlepulse: a written 1 lasts one cycle and the field reads 0, so 0 leaves it alone. */
    PULSE(null, false),
    CLEAR_ON_ONE("clear", true), SET_ON_ONE("set", true), TOGGLE_ON_ONE("toggle", true),
    CLEAR_ON_ZERO("clear", false), SET_ON_ZERO("set", false), TOGGLE_ON_ZERO("toggle", false),
    /** wclr, wset, wuser: every write acts, whatever is written, so no write leaves the field alone. */
    EVERY_WRITE(null, false);

    private final String verb;
    private final boolean activeHigh;

    WriteAction(String verb, boolean activeHigh) {
        this.verb = verb;
        this.activeHigh = activeHigh;
    }

    static WriteAction of(String sw, String onwrite, boolean singlepulse) {
        if (!sw.contains("w")) {
            return NONE;
        }
        if (onwrite == null) {
            return singlepulse ? PULSE : STORE;
        }
        return switch (onwrite) {
            case "woclr" -> CLEAR_ON_ONE;
            case "woset" -> SET_ON_ONE;
            case "wot" -> TOGGLE_ON_ONE;
            case "wzc" -> CLEAR_ON_ZERO;
            case "wzs" -> SET_ON_ZERO;
            case "wzt" -> TOGGLE_ON_ZERO;
            default -> EVERY_WRITE;
        };
    }

    /** True for write-1/write-0-to-act fields, which get a dedicated method instead of a setter. */
    boolean acts() {
        return verb != null;
    }

    /** clear, set or toggle for acting fields. */
    String verb() {
        return verb;
    }

    /** For acting fields: true when a 1 acts (so 0 is neutral), false when a 0 acts (1 is neutral). */
    boolean activeHigh() {
        return activeHigh;
    }

    /** Fields a value type offers a {@code withX} for. */
    boolean settable() {
        return this == STORE || this == PULSE;
    }
}
