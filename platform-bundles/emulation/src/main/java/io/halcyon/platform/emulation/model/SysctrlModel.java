package io.halcyon.platform.emulation.model;

/**
 * INTERIM hand-written model of the system-control block (sysctrl.rdl), until the emulation builds its
 * register semantics from the elaborated descriptions (issue 4). Behaviour: a write of 1 to
 * SOFT_RESET.RESET drops RESET_STATUS.RESET_DONE at once, resets the whole chip after
 * {@link #RESET_NANOS} of device time, then raises RESET_DONE and counts the reset.
 */
public final class SysctrlModel implements BlockModel {

    public static final int CHIP_ID = 0x484C4359;
    public static final int VERSION = 0x0101;
    public static final int CAPABILITIES = 0x43F;
    public static final long RESET_NANOS = 2_000;

    private final ModelClock clock;
    private final Runnable chipReset;
    private int scratch;
    private boolean resetDone = true;
    private int resetCount;

    /** @param chipReset resets every block of the chip (including this one) */
    public SysctrlModel(ModelClock clock, Runnable chipReset) {
        this.clock = clock;
        this.chipReset = chipReset;
    }

    @Override
    public long size() {
        return 0x1000;
    }

    @Override
    public Integer read32(long offset) {
        return switch ((int) offset) {
            case 0x00 -> CHIP_ID;
            case 0x04 -> VERSION;
            case 0x08 -> CAPABILITIES;
            case 0x0C -> scratch;
            case 0x10 -> 0; // singlepulse: always reads 0
            case 0x14 -> (resetDone ? 1 : 0) | (resetCount & 0xFF) << 8;
            default -> null;
        };
    }

    @Override
    public boolean write32(long offset, int value) {
        switch ((int) offset) {
            case 0x00, 0x04, 0x08, 0x14 -> { } // read-only: writes are ignored
            case 0x0C -> scratch = value;
            case 0x10 -> {
                if ((value & 1) != 0 && resetDone) {
                    resetDone = false;
                    clock.schedule(RESET_NANOS, () -> {
                        chipReset.run();
                        resetCount++;
                        resetDone = true;
                    });
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() {
        // The reset counter and the done flag survive a soft reset: they describe it.
        scratch = 0;
    }
}
