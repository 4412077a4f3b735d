package io.halcyon.platform.emulation.model;

import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * The HBM controller: an INIT pulse (HBM PLL locked, block out of reset and clocked) sets TRAINING at
 * once and, {@link #TRAINING_NANOS} later, READY (or FAILED under {@link ChipFaults#hbmTrainingFails()})
 * with the HBM interrupt. Owns the device memory, whose size is the SIZE register's. ECC counters count
 * only injected errors, saturating as their description says.
 */
public final class HbmBehaviour extends BlockBehaviour {

    public static final long TRAINING_NANOS = 200_000;
    private static final long MIB = 1L << 20;
    private static final long COUNTER_MAX = 0xFFFF_FFFFL;

    private final ClkrstBehaviour clkrst;
    private final BlockGate gate;
    private final InterruptLine interrupt;
    private final ChipFaults faults;
    private final DeviceMemory memory;
    private final FieldHandle init;
    private final FieldHandle training;
    private final FieldHandle ready;
    private final FieldHandle failed;
    private final FieldHandle corrected;
    private final FieldHandle uncorrected;

    HbmBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.clkrst = chip.peer(ClkrstBehaviour.class, block);
        this.gate = clkrst.gate(block.name());
        this.interrupt = chip.peer(IntcBehaviour.class, block).line(block.name());
        this.faults = chip.faults();
        this.memory = new DeviceMemory(field("SIZE.SIZE_MB").get() * MIB);
        init = field("CTRL.INIT");
        training = field("STATUS.TRAINING");
        ready = field("STATUS.READY");
        failed = field("STATUS.FAILED");
        corrected = field("ECC_CORRECTED.COUNT");
        uncorrected = field("ECC_UNCORRECTED.COUNT");
        register("CTRL").onWrite((data, mask) -> controlWritten());
    }

    public DeviceMemory memory() {
        return memory;
    }

    /** DMA and the tensor engine may use the memory: trained, and the controller running. */
    public boolean ready() {
        return ready.get() == 1 && gate.running();
    }

    void countEccErrors(int correctedErrors, int uncorrectedErrors) {
        corrected.set(Math.min(COUNTER_MAX, corrected.get() + correctedErrors));
        uncorrected.set(Math.min(COUNTER_MAX, uncorrected.get() + uncorrectedErrors));
        interrupt.raise();
    }

    private void controlWritten() {
        if (init.get() == 0 || !gate.running() || !clkrst.locked(Pll.HBM)) {
            return;
        }
        cancelScheduled();
        training.set(1);
        ready.set(0);
        failed.set(0);
        after(TRAINING_NANOS, this::trainingFinished);
    }

    private void trainingFinished() {
        training.set(0);
        if (faults.failsHbmTraining()) {
            failed.set(1);
        } else {
            ready.set(1);
        }
        interrupt.raise();
    }
}
