package io.halcyon.hal.api.regmap;

/** SystemRDL 2.0 {@code onread} side effects. */
public enum ReadEffect {
    /** A read returns the value and changes nothing. */
    NONE,
    /** {@code rclr}: the field is cleared by the read. */
    CLEAR,
    /** {@code rset}: the field is set to all ones by the read. */
    SET,
    /** {@code ruser}: a user-defined effect. */
    USER
}
