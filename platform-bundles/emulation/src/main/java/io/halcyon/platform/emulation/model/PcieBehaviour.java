package io.halcyon.platform.emulation.model;

import io.halcyon.platform.chipmodel.BlockInstance;
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

    /** LTSSM states, as the description's encoding numbers them. */
    private final long detect;
    private final long polling;
    private final long config;
    private final long l0;

    private final BlockGate gate;
    private final InterruptLine interrupt;
    private final FieldHandle train;
    private final FieldHandle targetSpeed;
    private final FieldHandle state;
    private final FieldHandle linkUp;
    private final FieldHandle speed;
    private final FieldHandle width;
    private final FieldHandle linkDownError;

    PcieBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.gate = chip.peer(ClkrstBehaviour.class, block).gate(block.name());
        this.interrupt = chip.peer(IntcBehaviour.class, block).line(block.name());
        detect = code("LINK_STATUS.LTSSM_STATE", "DETECT");
        polling = code("LINK_STATUS.LTSSM_STATE", "POLLING");
        config = code("LINK_STATUS.LTSSM_STATE", "CONFIG");
        l0 = code("LINK_STATUS.LTSSM_STATE", "L0");
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
        if (train.get() == 0 || !gate.running()) {
            return;
        }
        cancelScheduled();
        if (linkUp.get() == 1) {
            linkDownError.hwSet();
            interrupt.raise();
        }
        state.set(detect);
        linkUp.set(0);
        speed.set(0);
        width.set(0);
        after(DETECT_NANOS, () -> state.set(polling));
        after(DETECT_NANOS + POLLING_NANOS, () -> state.set(config));
        after(DETECT_NANOS + POLLING_NANOS + CONFIG_NANOS, this::linkTrained);
    }

    private void linkTrained() {
        state.set(l0);
        linkUp.set(1);
        // Generation 0 is not a speed: a target below 1 negotiates generation 1.
        speed.set(Math.max(1, Math.min(targetSpeed.get(), PARTNER_MAX_SPEED)));
        width.set(LANES);
        interrupt.raise();
    }
}
