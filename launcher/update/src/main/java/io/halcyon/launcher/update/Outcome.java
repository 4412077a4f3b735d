package io.halcyon.launcher.update;

/** How an update request ended. */
public enum Outcome {
    /** The new version serves. */
    UPDATED,
    /**
     * The new block version failed before it served (did not resolve, did not activate, failed the
     * health gate, timed out) and was uninstalled; the running version never stopped serving.
     */
    ROLLED_BACK,
    /**
     * Nothing was changed: the request was not acceptable (a jar for another bundle, a platform
     * bundle, an incompatible API, a block with dependents), or the block's calls in flight did not
     * return in time for the switch.
     */
    REFUSED,
    /** The jar is the one already running: nothing to do. */
    UNCHANGED,
    /**
     * An API bundle update failed once begun (the update or the refresh of its importers did not
     * complete): the bundle and its importers may not be serving. A block swap never ends so: it
     * changes nothing until the new version has passed every check.
     */
    FAILED
}
