package io.halcyon.platform.emulation.model;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * What the system-control block does beyond its register semantics: the chip-wide soft reset. A write
 * of 1 to SOFT_RESET.RESET (a singlepulse field) drops RESET_STATUS.RESET_DONE at once; after
 * {@link #RESET_NANOS} of device time every block of the chip resets, RESET_COUNT counts the reset
 * (it survives the reset it counts) and RESET_DONE rises. A pulse while a reset is running is ignored.
 */
public final class SysctrlBehaviour extends BlockBehaviour {

    /** Device time a soft reset takes. */
    public static final long RESET_NANOS = 2_000;

    private final Runnable chipReset;
    private final FieldHandle resetPulse;
    private final FieldHandle resetDone;
    private final FieldHandle resetCount;

    SysctrlBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.chipReset = chip::resetChip;
        this.resetPulse = field("SOFT_RESET.RESET");
        this.resetDone = field("RESET_STATUS.RESET_DONE");
        this.resetCount = field("RESET_STATUS.RESET_COUNT");
        register("SOFT_RESET").onWrite((data, mask) -> softResetWritten());
    }

    private void softResetWritten() {
        // Called before the singlepulse field falls back to 0, so the pulse is visible here.
        if (resetPulse.get() == 0 || resetDone.get() == 0) {
            return;
        }
        resetDone.set(0);
        // Scheduled on the clock directly: the reset must complete although it resets this block too.
        clock.schedule(RESET_NANOS, this::completeReset);
    }

    private void completeReset() {
        long count = resetCount.get();
        chipReset.run();
        resetCount.set(count);
        resetCount.increment(1); // wraps at the field's width, as the description says
        resetDone.set(1);
    }
}
