package io.halcyon.platform.emulation.model;

import io.halcyon.platform.emulation.regfile.FieldHandle;

/** One block's reset and clock enable in the clock-and-reset block: whether the block may do anything. */
public final class BlockGate {

    private final FieldHandle inReset;
    private final FieldHandle clockOn;

    BlockGate(FieldHandle inReset, FieldHandle clockOn) {
        this.inReset = inReset;
        this.clockOn = clockOn;
    }

    /** The block is out of reset and its clock runs. */
    public boolean running() {
        return inReset.get() == 0 && clockOn.get() == 1;
    }
}
