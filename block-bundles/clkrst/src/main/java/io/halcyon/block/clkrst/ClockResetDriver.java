package io.halcyon.block.clkrst;

import io.halcyon.block.clkrst.regs.ClkrstConfig;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.clkrst.regs.BlockReset;
import io.halcyon.block.clkrst.regs.Clkrst;
import io.halcyon.block.clkrst.regs.ClockEn;
import io.halcyon.block.clkrst.regs.CorePllCtrl;
import io.halcyon.block.clkrst.regs.CorePllStatus;
import io.halcyon.block.clkrst.regs.HbmPllCtrl;
import io.halcyon.block.clkrst.regs.HbmPllStatus;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.clkrst.Pll;

/**
 * Stateless driver of the clock-and-reset block: PLL state, resets and clock enables are read from
 * the hardware on every call, so a new version of this bundle can replace a running one.
 */
@Component(configurationPid = ClkrstConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ClkrstConfig.class, factory = true)
public class ClockResetDriver implements ClockReset {

    private final RegisterBus bus;
    private final long base;

    @Activate
    public ClockResetDriver(@Reference(name = "bus") RegisterBus bus, ClkrstConfig config) {
        this.bus = bus;
        this.base = config.base_address();
    }

    /**
     * The block's registers, made on use from the bus and base held here: the JIT removes the accessor,
     * so an access costs what hand-written mask-and-shift code costs (a held accessor adds a dependent load).
     */
    private Clkrst regs() {
        return new Clkrst(bus, base);
    }

    @Override
    public void enablePll(Pll pll, int multiplier) {
        Objects.requireNonNull(pll, "pll");
        if (multiplier < 1 || multiplier > 255) {
            throw new IllegalArgumentException(String.format("clkrst.%s_PLL_CTRL.MULT: multiplier %d is out of range 1..255",
                    pll, multiplier));
        }
        // EN and MULT are the whole register, so one write sets both: no read needed.
        switch (pll) {
            case CORE -> regs().corePllCtrl().write(CorePllCtrl.RESET.withEn(true).withMult(multiplier));
            case HBM -> regs().hbmPllCtrl().write(HbmPllCtrl.RESET.withEn(true).withMult(multiplier));
        }
    }

    @Override
    public boolean pllLocked(Pll pll) {
        return switch (Objects.requireNonNull(pll, "pll")) {
            case CORE -> regs().corePllStatus().read().locked();
            case HBM -> regs().hbmPllStatus().read().locked();
        };
    }

    @Override
    public void awaitPllLock(Pll pll, Duration bound) {
        WaitResult locked = switch (Objects.requireNonNull(pll, "pll")) {
            case CORE -> bus.await(regs().corePllStatus().address(), CorePllStatus.LOCKED_MASK, CorePllStatus.LOCKED_MASK, bound);
            case HBM -> bus.await(regs().hbmPllStatus().address(), HbmPllStatus.LOCKED_MASK, HbmPllStatus.LOCKED_MASK, bound);
        };
        if (!locked.met()) {
            throw new WaitTimeoutException(statusName(pll), "LOCKED == 1", locked);
        }
    }

    static String statusName(Pll pll) {
        return switch (pll) {
            case CORE -> "clkrst.CORE_PLL_STATUS";
            case HBM -> "clkrst.HBM_PLL_STATUS";
        };
    }

    @Override
    public void enableClocks(Set<ChipBlock> blocks) {
        int mask = mask(blocks);
        // Read-modify-write: the clocks of the other blocks keep whatever they run at now.
        regs().clockEn().modify(clocks -> ClockEn.fromBits(clocks.bits() | mask));
    }

    @Override
    public void releaseResets(Set<ChipBlock> blocks) {
        int mask = mask(blocks);
        regs().blockReset().modify(resets -> BlockReset.fromBits(resets.bits() & ~mask));
    }

    @Override
    public Set<ChipBlock> blocksInReset() {
        return blocksIn(regs().blockReset().read().bits());
    }

    @Override
    public Set<ChipBlock> clocksEnabled() {
        return blocksIn(regs().clockEn().read().bits());
    }

    /** BLOCK_RESET and CLOCK_EN give every block the same bit (the unit test holds them to it). */
    static int bit(ChipBlock block) {
        return switch (block) {
            case PCIE -> BlockReset.PCIE_MASK;
            case HBM -> BlockReset.HBM_MASK;
            case DMA -> BlockReset.DMA_MASK;
            case INTC -> BlockReset.INTC_MASK;
            case TENSOR -> BlockReset.TENSOR_MASK;
            case TELEMETRY -> BlockReset.TELEMETRY_MASK;
        };
    }

    private static int mask(Set<ChipBlock> blocks) {
        int mask = 0;
        for (ChipBlock block : blocks) {
            mask |= bit(Objects.requireNonNull(block, "block"));
        }
        return mask;
    }

    private static Set<ChipBlock> blocksIn(int bits) {
        Set<ChipBlock> blocks = EnumSet.noneOf(ChipBlock.class);
        for (ChipBlock block : ChipBlock.values()) {
            if ((bits & bit(block)) != 0) {
                blocks.add(block);
            }
        }
        return blocks;
    }
}
