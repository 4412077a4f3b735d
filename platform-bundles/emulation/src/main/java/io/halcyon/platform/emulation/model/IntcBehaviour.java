package io.halcyon.platform.emulation.model;

import java.util.Locale;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.emulation.regfile.FieldHandle;
import io.halcyon.platform.emulation.regfile.Register;

/**
 * The interrupt controller: blocks raise their line, which latches in PENDING until software writes 1
 * to acknowledge it; ACTIVE is kept equal to PENDING & ENABLE after every change of either. It runs
 * from the always-on reference clock, so it latches even before its own clock enable is set; holding
 * it in reset clears it. A block's line is the PENDING field named after the block instance
 * ({@code DMA} for {@code dma}).
 */
public final class IntcBehaviour extends BlockBehaviour {

    private final Register pendingRegister;
    private final Register enableRegister;
    private final FieldHandle active;

    IntcBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        pendingRegister = register("PENDING");
        enableRegister = register("ENABLE");
        active = field("ACTIVE.SOURCES");
        pendingRegister.onWrite((data, mask) -> updateActive());
        enableRegister.onWrite((data, mask) -> updateActive());
    }

    /** The interrupt line of block instance {@code instance}; fails when PENDING has no field for it. */
    public InterruptLine line(String instance) {
        FieldHandle pending = field("PENDING." + instance.toUpperCase(Locale.ROOT));
        return () -> {
            pending.hwSet();
            updateActive();
        };
    }

    private void updateActive() {
        active.set(pendingRegister.peek() & enableRegister.peek() & (1L << active.width()) - 1);
    }
}
