package io.halcyon.platform.emulation.model;

import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.platform.emulation.regfile.FieldHandle;
import io.halcyon.platform.emulation.regfile.Register;

/**
 * The interrupt controller: blocks raise their line, which latches in PENDING until software writes 1
 * to acknowledge it; ACTIVE is kept equal to PENDING & ENABLE after every change of either. It runs
 * from the always-on reference clock, so it latches even before its own clock enable is set; holding
 * it in reset clears it.
 */
public final class IntcBehaviour extends BlockBehaviour {

    private final FieldHandle[] pending = new FieldHandle[InterruptSource.values().length];
    private final Register pendingRegister;
    private final Register enableRegister;
    private final FieldHandle active;

    IntcBehaviour(ModelClock clock) {
        super("intc", clock);
        for (InterruptSource s : InterruptSource.values()) {
            pending[s.ordinal()] = field("PENDING." + s.name());
        }
        pendingRegister = register("PENDING");
        enableRegister = register("ENABLE");
        active = field("ACTIVE.SOURCES");
        pendingRegister.onWrite((data, mask) -> updateActive());
        enableRegister.onWrite((data, mask) -> updateActive());
    }

    /** A block's interrupt line fires. */
    public void raise(InterruptSource source) {
        pending[source.ordinal()].hwSet();
        updateActive();
    }

    private void updateActive() {
        active.set(pendingRegister.peek() & enableRegister.peek() & (1L << active.width()) - 1);
    }
}
