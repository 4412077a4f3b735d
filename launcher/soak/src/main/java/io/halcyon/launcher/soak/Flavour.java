package io.halcyon.launcher.soak;

/** What a generated driver version does differently from the one it derives from. */
enum Flavour {
    /** Behaves as the original and carries its own build constant: a real, harmless code change. */
    GOOD,
    /** The driver's constructor throws: the version does not activate. */
    ACTIVATION_THROWS,
    /**
     * Every register access of the driver lands {@value MisaddressingBus#SHIFT} bytes off, as in a build
     * made against the wrong register map: its views read other registers or meet decode errors, and the
     * health gate rolls it back.
     */
    FAILS_HEALTH_GATE,
    /**
     * As {@link #FAILS_HEALTH_GATE}, but only on a chip of generation 2 (the driver's register bus is
     * registered with {@code halcyon.generation=2}): a build that is good on one generation and wrong on
     * the other, which a fleet rollout meets only on the hosts that carry such a chip.
     */
    FAILS_HEALTH_GATE_ON_GENERATION_2,
    /** Imports a package nobody exports: the version does not resolve. */
    MISSING_IMPORT
}
