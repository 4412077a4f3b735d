package io.halcyon.hal.api.butr;

/** How one check ended. A check that could not run is {@link #SKIPPED}, never {@link #PASSED}. */
public enum Outcome {
    PASSED, FAILED, SKIPPED
}
