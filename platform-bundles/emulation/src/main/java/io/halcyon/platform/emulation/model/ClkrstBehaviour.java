package io.halcyon.platform.emulation.model;

import java.util.function.Consumer;

import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * Clock and reset: a PLL reports LOCKED {@link #CORE_LOCK_NANOS} / {@link #HBM_LOCK_NANOS} of device
 * time after EN rises (and raises the CLKRST interrupt then); clearing EN drops LOCKED and abandons a
 * lock in progress. Asserting a block's reset (BLOCK_RESET bit 0 to 1) resets that block. The other
 * blocks ask {@link #running} before they do anything.
 */
public final class ClkrstBehaviour extends BlockBehaviour {

    public static final long CORE_LOCK_NANOS = 20_000;
    public static final long HBM_LOCK_NANOS = 50_000;

    private final IntcBehaviour intc;
    private final ChipFaults faults;
    private final Consumer<ChipBlock> blockReset;
    private final PllModel[] plls;
    private final FieldHandle[] inReset = new FieldHandle[ChipBlock.values().length];
    private final FieldHandle[] clockOn = new FieldHandle[ChipBlock.values().length];
    private long resetsSeen;

    /** @param blockReset resets one block of the chip, as its reset line does */
    ClkrstBehaviour(ModelClock clock, IntcBehaviour intc, ChipFaults faults, Consumer<ChipBlock> blockReset) {
        super("clkrst", clock);
        this.intc = intc;
        this.faults = faults;
        this.blockReset = blockReset;
        this.plls = new PllModel[] {new PllModel(Pll.CORE, "CORE", CORE_LOCK_NANOS), new PllModel(Pll.HBM, "HBM", HBM_LOCK_NANOS)};
        for (ChipBlock b : ChipBlock.values()) {
            inReset[b.ordinal()] = field("BLOCK_RESET." + b.name());
            clockOn[b.ordinal()] = field("CLOCK_EN." + b.name());
        }
        resetsSeen = register("BLOCK_RESET").peek();
        register("BLOCK_RESET").onWrite((data, mask) -> blockResetsWritten());
    }

    /** The block is out of reset and its clock runs. */
    public boolean running(ChipBlock block) {
        return inReset[block.ordinal()].get() == 0 && clockOn[block.ordinal()].get() == 1;
    }

    public boolean locked(Pll pll) {
        return plls[pll.ordinal()].locked.get() == 1;
    }

    private void blockResetsWritten() {
        long now = register("BLOCK_RESET").peek();
        long asserted = now & ~resetsSeen;
        resetsSeen = now;
        for (ChipBlock b : ChipBlock.values()) {
            if ((asserted & 1L << b.ordinal()) != 0) {
                blockReset.accept(b);
            }
        }
    }

    @Override
    protected void resetBehaviour() {
        resetsSeen = register("BLOCK_RESET").peek();
        for (PllModel p : plls) {
            p.enabled = false;
            p.attempt++;
        }
    }

    private final class PllModel {
        final Pll pll;
        final FieldHandle enable;
        final FieldHandle locked;
        final long lockNanos;
        boolean enabled;
        /** A lock in progress completes only if EN stayed 1 since it started: no later attempt exists. */
        long attempt;

        PllModel(Pll pll, String prefix, long lockNanos) {
            this.pll = pll;
            this.enable = field(prefix + "_PLL_CTRL.EN");
            this.locked = field(prefix + "_PLL_STATUS.LOCKED");
            this.lockNanos = lockNanos;
            register(prefix + "_PLL_CTRL").onWrite((data, mask) -> controlWritten());
        }

        void controlWritten() {
            boolean now = enable.get() == 1;
            if (now && !enabled) {
                long mine = ++attempt;
                if (!faults.neverLocks(pll)) {
                    after(lockNanos, () -> lock(mine));
                }
            } else if (!now && enabled) {
                attempt++;
                locked.set(0);
            }
            enabled = now;
        }

        void lock(long which) {
            if (which == attempt) {
                locked.set(1);
                intc.raise(InterruptSource.CLKRST);
            }
        }
    }
}
