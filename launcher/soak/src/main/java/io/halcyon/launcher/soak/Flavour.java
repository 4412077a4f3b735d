package io.halcyon.launcher.soak;

/** What a generated driver version does differently from the one it derives from. */
enum Flavour {
    /** Behaves as the original and carries its own build constant: a real, harmless code change. */
    GOOD,
    /** The driver's constructor throws: the version does not activate. */
    ACTIVATION_THROWS,
    /** The block's register description claims another base address: the health gate reads other values. */
    FAILS_HEALTH_GATE,
    /** Imports a package nobody exports: the version does not resolve. */
    MISSING_IMPORT
}
