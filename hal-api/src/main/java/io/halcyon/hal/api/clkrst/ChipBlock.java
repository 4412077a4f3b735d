package io.halcyon.hal.api.clkrst;

/** Blocks with their own reset and clock enable, in the bit order of the clock-and-reset registers. */
public enum ChipBlock {
    PCIE, HBM, DMA, INTC, TENSOR, TELEMETRY
}
