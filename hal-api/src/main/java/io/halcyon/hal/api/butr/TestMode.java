package io.halcyon.hal.api.butr;

/** How much a test run may disturb the chip. */
public enum TestMode {
    /**
     * Every suite: writes registers and reads registers whose read has side effects. It restores the
     * values of software-writable fields it changed where the description allows, but it is
     * destructive; running it on a chip that does work is the caller's decision.
     */
    FULL,
    /**
     * No writes and no reads with side effects: identification and constant fields against the
     * description, reserved and write-only bits reading 0. Safe on a live chip (a health gate).
     */
    NON_DESTRUCTIVE
}
