package io.halcyon.platform.emulation.model;

import io.halcyon.platform.emulation.regfile.FieldHandle;
import io.halcyon.platform.emulation.regfile.RegisterFileBuilder;
import io.halcyon.platform.emulation.regfile.RegisterFileModel;

/**
 * What the system-control block does beyond its register semantics: the chip-wide soft reset. A write
 * of 1 to SOFT_RESET.RESET (a singlepulse field) drops RESET_STATUS.RESET_DONE at once; after
 * {@link #RESET_NANOS} of device time every block of the chip resets, RESET_COUNT counts the reset
 * (it survives the reset it counts) and RESET_DONE rises. A pulse while a reset is running is ignored.
 */
public final class SysctrlBehaviour {

    /** Device time a soft reset takes. */
    public static final long RESET_NANOS = 2_000;

    private final ModelClock clock;
    private final Runnable chipReset;
    private final FieldHandle resetPulse;
    private final FieldHandle resetDone;
    private final FieldHandle resetCount;

    private SysctrlBehaviour(RegisterFileModel registers, ModelClock clock, Runnable chipReset) {
        this.clock = clock;
        this.chipReset = chipReset;
        this.resetPulse = registers.field("SOFT_RESET.RESET");
        this.resetDone = registers.field("RESET_STATUS.RESET_DONE");
        this.resetCount = registers.field("RESET_STATUS.RESET_COUNT");
        registers.register("SOFT_RESET").onWrite((data, mask) -> softResetWritten());
    }

    /**
     * The system-control block's model: its register file from sysctrl.rdl with this behaviour on top.
     *
     * @param chipReset resets every block of the chip (including this one)
     */
    public static RegisterFileModel model(ModelClock clock, Runnable chipReset) {
        RegisterFileModel registers = RegisterFileBuilder.build(ChipDescriptions.sysctrl());
        new SysctrlBehaviour(registers, clock, chipReset);
        return registers;
    }

    private void softResetWritten() {
        // Called before the singlepulse field falls back to 0, so the pulse is visible here.
        if (resetPulse.get() == 0 || resetDone.get() == 0) {
            return;
        }
        resetDone.set(0);
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
