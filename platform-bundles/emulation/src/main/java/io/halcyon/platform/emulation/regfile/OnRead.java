package io.halcyon.platform.emulation.regfile;

/** Read side effect of a field (SystemRDL 2.0 {@code onread}). */
public enum OnRead {
    NONE,
    /** rclr: the field clears after software reads it. */
    CLEAR,
    /** rset: every bit of the field sets after software reads it. */
    SET;

    /** The SystemRDL keyword; null and ruser (behaviour the description leaves to the user) have no effect. */
    public static OnRead of(String keyword) {
        if (keyword == null) {
            return NONE;
        }
        return switch (keyword) {
            case "rclr" -> CLEAR;
            case "rset" -> SET;
            case "ruser" -> NONE;
            default -> throw new IllegalArgumentException("unknown onread " + keyword);
        };
    }
}
