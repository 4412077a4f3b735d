package io.halcyon.hal.api.platform;

/** The three execution environments the same drivers run on. */
public enum PlatformKind {
    /** RTL of the chip's blocks simulated by Verilator, reached through a bus-functional model. */
    VERIFICATION,
    /** A behavioural model of the whole chip; time is model time. */
    EMULATION,
    /** Real device registers, memory-mapped from a PCI BAR or a UIO device; time is wall-clock time. */
    PRODUCTION
}
