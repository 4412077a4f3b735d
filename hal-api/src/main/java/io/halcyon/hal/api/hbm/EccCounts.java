package io.halcyon.hal.api.hbm;

/**
 * ECC errors counted by the controller since the counters were last read.
 *
 * @param corrected single-bit errors corrected
 * @param uncorrected multi-bit errors detected
 */
public record EccCounts(long corrected, long uncorrected) {}
