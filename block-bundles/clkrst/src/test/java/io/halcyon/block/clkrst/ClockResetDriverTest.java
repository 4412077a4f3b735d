package io.halcyon.block.clkrst;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.clkrst.regs.BlockReset;
import io.halcyon.block.clkrst.regs.BlockResetRegister;
import io.halcyon.block.clkrst.regs.Clkrst;
import io.halcyon.block.clkrst.regs.ClkrstConfig;
import io.halcyon.block.clkrst.regs.ClkrstMap;
import io.halcyon.block.clkrst.regs.ClockEn;
import io.halcyon.block.clkrst.regs.ClockEnRegister;
import io.halcyon.block.clkrst.regs.PllCtrl;
import io.halcyon.block.clkrst.regs.PllStatus;
import io.halcyon.hal.api.register.EnumFields;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.Pll;

public class ClockResetDriverTest {

    private static final long BASE = 0x1_0000;
    private static final Duration BOUND = Duration.ofNanos(200_000);
    /** Where the registers are: the two PLLs share their classes, so their addresses come from the block accessor. */
    private static final Clkrst REGS = new Clkrst(new ExpectingBus(BASE, ClkrstMap.REGISTERS), BASE);
    private final ExpectingBus bus = new ExpectingBus(BASE, ClkrstMap.REGISTERS);
    private final ClockResetDriver driver = new ClockResetDriver(bus, Configs.instance(ClkrstConfig.class, "clkrst", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    @Test
    public void enablePllWritesEnAndMultInOneWrite() {
        bus.expectWrite32(REGS.corePllCtrl().address(), PllCtrl.EN_MASK | 20 << PllCtrl.MULT_SHIFT)
                .expectWrite32(REGS.hbmPllCtrl().address(), PllCtrl.EN_MASK | 255 << PllCtrl.MULT_SHIFT);
        driver.enablePll(Pll.CORE, 20);
        driver.enablePll(Pll.HBM, 255);
    }

    @Test
    public void multiplierOutOfRangeIsRefusedBeforeAnyAccess() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.enablePll(Pll.HBM, 256));
        assertEquals("clkrst.HBM_PLL_CTRL.MULT: multiplier 256 is out of range 1..255", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> driver.enablePll(Pll.CORE, 0));
    }

    @Test
    public void pllLockedReadsTheStatusOfThatPll() {
        bus.expectRead32(REGS.corePllStatus().address(), 0).expectRead32(REGS.hbmPllStatus().address(), PllStatus.LOCKED_MASK);
        assertFalse(driver.pllLocked(Pll.CORE));
        assertTrue(driver.pllLocked(Pll.HBM));
    }

    @Test
    public void awaitPllLockWaitsOnLockedWithTheCallersBound() {
        bus.expectAwait(REGS.hbmPllStatus().address(), PllStatus.LOCKED_MASK, PllStatus.LOCKED_MASK, 1, BOUND);
        driver.awaitPllLock(Pll.HBM, BOUND);
    }

    @Test
    public void pllThatNeverLocksNamesTheStatusRegisterAndValue() {
        bus.expectAwait(REGS.corePllStatus().address(), PllStatus.LOCKED_MASK, PllStatus.LOCKED_MASK, 0, BOUND);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> driver.awaitPllLock(Pll.CORE, BOUND));
        assertEquals("clkrst.CORE_PLL_STATUS", e.register());
        assertEquals(0, e.result().lastValue());
        assertTrue(e.getMessage(), e.getMessage().startsWith("clkrst.CORE_PLL_STATUS: LOCKED == 1 not reached within 200000 ns"));
    }

    @Test
    public void enableClocksSetsOnlyTheNamedBits() {
        bus.expectRead32(BASE + ClockEnRegister.OFFSET, ClockEn.PCIE_MASK | 0xC0)
                .expectWrite32(BASE + ClockEnRegister.OFFSET, ClockEn.PCIE_MASK | ClockEn.DMA_MASK | ClockEn.TENSOR_MASK | 0xC0);
        driver.enableClocks(EnumSet.of(ChipBlock.DMA, ChipBlock.TENSOR));
    }

    @Test
    public void releaseResetsClearsOnlyTheNamedBits() {
        bus.expectRead32(BASE + BlockResetRegister.OFFSET, BlockReset.RESET.bits())
                .expectWrite32(BASE + BlockResetRegister.OFFSET, BlockReset.RESET.bits() & ~(BlockReset.PCIE_MASK | BlockReset.HBM_MASK));
        driver.releaseResets(EnumSet.of(ChipBlock.PCIE, ChipBlock.HBM));
    }

    @Test
    public void blocksInResetAndClocksEnabledDecodeTheRegisters() {
        bus.expectRead32(BASE + BlockResetRegister.OFFSET, BlockReset.INTC_MASK | BlockReset.TELEMETRY_MASK)
                .expectRead32(BASE + ClockEnRegister.OFFSET, ClockEn.HBM_MASK);
        assertEquals(Set.of(ChipBlock.INTC, ChipBlock.TELEMETRY), driver.blocksInReset());
        assertEquals(Set.of(ChipBlock.HBM), driver.clocksEnabled());
    }

    @Test
    public void everyBlockHasTheSameBitInResetsAndClockEnables() {
        // The driver takes the bits from BLOCK_RESET and uses them for CLOCK_EN too: the description must agree.
        EnumFields<ChipBlock, ClockEn> clocks = EnumFields.match(ChipBlock.class, ClockEn.FIELDS);
        for (ChipBlock block : ChipBlock.values()) {
            assertEquals(block.name(), clocks.field(block).mask(), ClockResetDriver.BLOCKS.field(block).mask());
        }
    }
}
