package io.halcyon.hal.api.pcie;

/**
 * @param state the training state
 * @param up true in L0
 * @param speedGeneration negotiated PCIe generation, 0 while down
 * @param width negotiated lanes, 0 while down
 */
public record LinkStatus(LinkState state, boolean up, int speedGeneration, int width) {}
