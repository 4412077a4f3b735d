package io.halcyon.hal.api.view;

/** How the answer of a {@link View} moves while the chip works, which says how two answers compare. */
public enum Stability {

    /**
     * Changes only when software reconfigures the block or the chip resets (identity, sizes, enables,
     * thresholds, link and training state): two drivers reading the same hardware give equal answers.
     */
    CONFIGURED,

    /**
     * A hardware count that only grows while the chip works (bytes moved, busy cycles) until it wraps:
     * an answer read between two others lies between them. The answer is a {@link Number}.
     */
    COUNTING,

    /**
     * Moves with the chip's work (queue state, temperatures, pending interrupts, sticky errors): safe to
     * read at any time, but two reads need not agree, so answers are read, never compared.
     */
    LIVE
}
