package io.halcyon.platform.emulation.model;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * Clock and reset: a PLL reports LOCKED {@link #CORE_LOCK_NANOS} / {@link #HBM_LOCK_NANOS} of device
 * time after EN rises (and raises the CLKRST interrupt then); clearing EN drops LOCKED and abandons a
 * lock in progress. Each field of BLOCK_RESET and CLOCK_EN is the reset or clock of the block instance
 * it is named after ({@code DMA} for {@code dma}): asserting a reset (0 to 1) resets that block, and
 * the other blocks ask their {@link #gate} before they do anything.
 */
public final class ClkrstBehaviour extends BlockBehaviour {

    public static final long CORE_LOCK_NANOS = 20_000;
    public static final long HBM_LOCK_NANOS = 50_000;

    private final InterruptLine interrupt;
    private final ChipFaults faults;
    private final Consumer<String> blockReset;
    private final PllModel[] plls;
    /** BLOCK_RESET's fields, each the reset line of the block instance it is named after. */
    private final List<FieldSpec> resetLines;
    private long resetsSeen;

    ClkrstBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.interrupt = chip.peer(IntcBehaviour.class, block).line(block.name());
        this.faults = chip.faults();
        this.blockReset = chip::resetBlock;
        this.plls = new PllModel[] {new PllModel(Pll.CORE, CORE_LOCK_NANOS), new PllModel(Pll.HBM, HBM_LOCK_NANOS)};
        this.resetLines = block.type().requireRegister("BLOCK_RESET").fields();
        resetsSeen = register("BLOCK_RESET").peek();
        register("BLOCK_RESET").onWrite((data, mask) -> blockResetsWritten());
    }

    /** The reset and clock enable of block instance {@code instance}; fails when the registers have no field for it. */
    public BlockGate gate(String instance) {
        String field = instance.toUpperCase(Locale.ROOT);
        return new BlockGate(field("BLOCK_RESET." + field), field("CLOCK_EN." + field));
    }

    public boolean locked(Pll pll) {
        return plls[pll.ordinal()].locked.get() == 1;
    }

    private void blockResetsWritten() {
        long now = register("BLOCK_RESET").peek();
        long asserted = now & ~resetsSeen;
        resetsSeen = now;
        for (FieldSpec line : resetLines) {
            if (line.extract(asserted) != 0) {
                blockReset.accept(line.name().toLowerCase(Locale.ROOT));
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

        PllModel(Pll pll, long lockNanos) {
            this.pll = pll;
            String prefix = pll.name();
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
                interrupt.raise();
            }
        }
    }
}
