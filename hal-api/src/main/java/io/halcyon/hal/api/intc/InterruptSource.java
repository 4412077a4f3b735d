package io.halcyon.hal.api.intc;

/** Interrupt sources, in the bit order of the controller's registers. */
public enum InterruptSource {
    PCIE, HBM, DMA, TENSOR, TELEMETRY, CLKRST
}
