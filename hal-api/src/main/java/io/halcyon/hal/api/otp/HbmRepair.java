package io.halcyon.hal.api.otp;

/**
 * The repair information manufacturing test left for one HBM stack.
 *
 * @param stack the stack's index
 * @param repairedRows rows remapped to spare rows
 * @param sparesLeft spare rows still unused
 */
public record HbmRepair(int stack, int repairedRows, int sparesLeft) {}
