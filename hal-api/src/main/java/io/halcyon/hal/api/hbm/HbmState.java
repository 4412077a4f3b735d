package io.halcyon.hal.api.hbm;

/** Training state of the HBM stack. */
public enum HbmState {
    /** Not initialised since reset. */
    UNTRAINED,
    TRAINING,
    /** Trained: DMA and the tensor engine may use the memory. */
    READY,
    /** Training failed; initialise again. */
    FAILED
}
