package io.halcyon.hal.api.clkrst;

/** The chip's PLLs. */
public enum Pll {
    /** Clocks the blocks and the tensor engine; locks about 20 us of device time after being enabled. */
    CORE,
    /** Clocks the HBM interface; locks about 50 us of device time after being enabled. */
    HBM
}
