package io.halcyon.platform.emulation.model;

import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * The PCIe endpoint's link training: a TRAIN pulse (with the block out of reset and clocked) walks the
 * LTSSM DETECT, POLLING after {@link #DETECT_NANOS}, CONFIG after {@link #POLLING_NANOS} more, L0 after
 * {@link #CONFIG_NANOS} more; in L0 the link is up at min(TARGET_SPEED, {@link #PARTNER_MAX_SPEED}) x16
 * and the PCIE interrupt fires. Retraining an up link drops it first and logs LINK_DOWN.
 */
public final class PcieBehaviour extends BlockBehaviour {

    public static final long DETECT_NANOS = 10_000;
    public static final long POLLING_NANOS = 20_000;
    public static final long CONFIG_NANOS = 30_000;
    /** The emulated link partner (root port) supports up to generation 4, 16 lanes. */
    public static final int PARTNER_MAX_SPEED = 4;
    public static final int LANES = 16;

    private static final int POLLING = 1;
    private static final int CONFIG = 2;
    private static final int L0 = 3;

    private final ClkrstBehaviour clkrst;
    private final IntcBehaviour intc;
    private final FieldHandle train;
    private final FieldHandle targetSpeed;
    private final FieldHandle state;
    private final FieldHandle linkUp;
    private final FieldHandle speed;
    private final FieldHandle width;
    private final FieldHandle linkDownError;

    PcieBehaviour(ModelClock clock, ClkrstBehaviour clkrst, IntcBehaviour intc) {
        super("pcie", clock);
        this.clkrst = clkrst;
        this.intc = intc;
        train = field("LINK_CTRL.TRAIN");
        targetSpeed = field("LINK_CTRL.TARGET_SPEED");
        state = field("LINK_STATUS.LTSSM_STATE");
        linkUp = field("LINK_STATUS.LINK_UP");
        speed = field("LINK_STATUS.SPEED");
        width = field("LINK_STATUS.WIDTH");
        linkDownError = field("ERR_STATUS.LINK_DOWN");
        register("LINK_CTRL").onWrite((data, mask) -> controlWritten());
    }

    private void controlWritten() {
        if (train.get() == 0 || !clkrst.running(ChipBlock.PCIE)) {
            return;
        }
        cancelScheduled();
        if (linkUp.get() == 1) {
            linkDownError.hwSet();
            intc.raise(InterruptSource.PCIE);
        }
        state.set(0);
        linkUp.set(0);
        speed.set(0);
        width.set(0);
        after(DETECT_NANOS, () -> state.set(POLLING));
        after(DETECT_NANOS + POLLING_NANOS, () -> state.set(CONFIG));
        after(DETECT_NANOS + POLLING_NANOS + CONFIG_NANOS, this::linkTrained);
    }

    private void linkTrained() {
        state.set(L0);
        linkUp.set(1);
        // Generation 0 is not a speed: a target below 1 negotiates generation 1.
        speed.set(Math.max(1, Math.min(targetSpeed.get(), PARTNER_MAX_SPEED)));
        width.set(LANES);
        intc.raise(InterruptSource.PCIE);
    }
}
