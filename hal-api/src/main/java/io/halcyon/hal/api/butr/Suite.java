package io.halcyon.hal.api.butr;

/** The register test suites, after UVM's built-in register sequences and OpenTitan's CSR tests. */
public enum Suite {
    /** Every field with a defined reset reads its reset value; in non-destructive mode only fields nothing can change. */
    RESET,
    /** Every software-writable bit can be set and cleared alone while the register's other bits stay as they were. */
    BIT_BASH,
    /** Read-only fields ignore writes, write-only fields read 0, reserved bits read 0 and ignore writes. */
    ACCESS,
    /** Write-one/zero-to-clear/set/toggle, write-clear/set, read-clear/set and single-pulse fields act as described. */
    SIDE_EFFECTS,
    /** A write to one register is visible at its own address only (and at its declared aliases). */
    ALIASING,
    /** Every entry of a memory holds a walking pattern and its complement. */
    MEMORY_WALK
}
