package io.halcyon.launcher.update;

/** How an update request ended. */
public enum Outcome {
    /** The new version serves. */
    UPDATED,
    /** The new version failed (did not resolve, did not activate, failed the health gate, timed out); the previous one serves again. */
    ROLLED_BACK,
    /** Nothing was changed: the request was not acceptable (incompatible API, block with dependents, a jar for another bundle). */
    REFUSED,
    /** The jar is the one already running: nothing to do. */
    UNCHANGED,
    /** The new version failed and so did putting the old one back: the block is not served. */
    FAILED
}
