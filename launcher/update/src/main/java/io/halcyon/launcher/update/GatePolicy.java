package io.halcyon.launcher.update;

/** Whether a new block version must have been checked by the health gate before it serves. */
public enum GatePolicy {

    /** The gate must have checked something ({@link GateCounts#checked()} &gt; 0) and found nothing wrong. */
    CHECKED,

    /**
     * The operator accepts a version the gate checked nothing of (no views, no testable register), or a
     * host without a gate; the record says so. Whatever the gate does check must still pass.
     */
    UNCHECKED
}
