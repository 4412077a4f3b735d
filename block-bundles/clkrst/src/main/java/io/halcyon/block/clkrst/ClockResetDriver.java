package io.halcyon.block.clkrst;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.clkrst.regs.BlockReset;
import io.halcyon.block.clkrst.regs.Clkrst;
import io.halcyon.block.clkrst.regs.ClkrstConfig;
import io.halcyon.block.clkrst.regs.ClkrstDriverBase;
import io.halcyon.block.clkrst.regs.ClockEn;
import io.halcyon.block.clkrst.regs.PllCtrl;
import io.halcyon.block.clkrst.regs.PllCtrlRegister;
import io.halcyon.block.clkrst.regs.PllStatus;
import io.halcyon.block.clkrst.regs.PllStatusRegister;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.hal.api.register.EnumFields;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.clkrst.regs.ClkrstMap;

/**
 * Stateless driver of the clock-and-reset block: PLL state, resets and clock enables are read from
 * the hardware on every call, so a new version of this bundle can replace a running one.
 */
@ServesGenerations(block = ClkrstMap.BLOCK, value = {1, 2})
@Component(configurationPid = ClkrstConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ClkrstConfig.class, factory = true)
public class ClockResetDriver extends ClkrstDriverBase implements ClockReset {

    /** The contract's blocks are BLOCK_RESET's one-bit fields of the same names (CLOCK_EN has the same bits). */
    static final EnumFields<ChipBlock, BlockReset> BLOCKS = EnumFields.match(ChipBlock.class, BlockReset.FIELDS);

    @Activate
    public ClockResetDriver(@Reference(name = "bus") RegisterBus bus, ClkrstConfig config) {
        super(bus, config);
    }

    // Both PLLs' registers are instances of pll_ctrl_r and pll_status_r, so they share their classes: the
    // PLL picks the register, and everything after is written once.
    private PllCtrlRegister control(Pll pll) {
        return switch (Objects.requireNonNull(pll, "pll")) {
            case CORE -> regs().corePllCtrl();
            case HBM -> regs().hbmPllCtrl();
        };
    }

    private PllStatusRegister status(Pll pll) {
        return switch (Objects.requireNonNull(pll, "pll")) {
            case CORE -> regs().corePllStatus();
            case HBM -> regs().hbmPllStatus();
        };
    }

    @Override
    public void enablePll(Pll pll, int multiplier) {
        PllCtrlRegister control = control(pll);
        if (multiplier < 1 || multiplier > 255) {
            throw new IllegalArgumentException(String.format("%s: multiplier %d is out of range 1..255",
                    control.path(PllCtrl.MULT_FIELD), multiplier));
        }
        // EN and MULT are the whole register, so one write sets both: no read needed.
        control.write(PllCtrl.RESET.withEn(true).withMult(multiplier));
    }

    @Override
    public boolean pllLocked(Pll pll) {
        return status(pll).read().locked();
    }

    @Override
    public void awaitPllLock(Pll pll, Duration bound) {
        status(pll).awaitOrThrow(PllStatus.LOCKED_FIELD.is(1), bound);
    }

    @Override
    public void enableClocks(Set<ChipBlock> blocks) {
        int mask = (int) BLOCKS.bits(blocks);
        // Read-modify-write: the clocks of the other blocks keep whatever they run at now.
        regs().clockEn().modify(clocks -> ClockEn.fromBits(clocks.bits() | mask));
    }

    @Override
    public void releaseResets(Set<ChipBlock> blocks) {
        int mask = (int) BLOCKS.bits(blocks);
        regs().blockReset().modify(resets -> BlockReset.fromBits(resets.bits() & ~mask));
    }

    @Override
    public Set<ChipBlock> blocksInReset() {
        return BLOCKS.decode(regs().blockReset().read().rawBits());
    }

    @Override
    public Set<ChipBlock> clocksEnabled() {
        return BLOCKS.decode(regs().clockEn().read().rawBits());
    }
}
