package io.halcyon.block.sysctrl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import io.halcyon.block.sysctrl.regs.CapabilitiesRegister;
import io.halcyon.block.sysctrl.regs.ChipIdRegister;
import io.halcyon.block.sysctrl.regs.ResetStatus;
import io.halcyon.block.sysctrl.regs.ResetStatusRegister;
import io.halcyon.block.sysctrl.regs.ScratchRegister;
import io.halcyon.block.sysctrl.regs.SoftReset;
import io.halcyon.block.sysctrl.regs.SoftResetRegister;
import io.halcyon.block.sysctrl.regs.SysctrlConfig;
import io.halcyon.block.sysctrl.regs.SysctrlMap;
import io.halcyon.block.sysctrl.regs.VersionRegister;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.sysctrl.Capability;
import io.halcyon.hal.api.sysctrl.ChipIdentity;

public class SystemControlDriverTest {

    private static final long BASE = 0x4000;
    private final ExpectingBus bus = new ExpectingBus(BASE, SysctrlMap.REGISTERS);
    private final SystemControlDriver driver = new SystemControlDriver(bus, config(BASE));

    @Test
    public void identityReadsIdVersionAndCapabilitiesInOneBatch() {
        bus.expectBatchRead32(new long[] {BASE + ChipIdRegister.OFFSET, BASE + VersionRegister.OFFSET, BASE + CapabilitiesRegister.OFFSET},
                0x484C4359, 0x0302, 0x43F);
        assertEquals(new ChipIdentity(0x484C4359, 3, 2, 0x43F), driver.identity());
        bus.verifyDone();
    }

    @Test
    public void capabilityBitsAreReadFromTheChip() {
        bus.expectRead32(BASE + CapabilitiesRegister.OFFSET, 1 << Capability.HBM.bit());
        assertTrue(driver.hasCapability(Capability.HBM));
        bus.expectRead32(BASE + CapabilitiesRegister.OFFSET, 1 << Capability.HBM.bit());
        assertFalse(driver.hasCapability(Capability.DMA));
        bus.verifyDone();
    }

    @Test
    public void scratchIsWrittenAndReadThrough() {
        bus.expectWrite32(BASE + ScratchRegister.OFFSET, 0xCAFE).expectRead32(BASE + ScratchRegister.OFFSET, 0xBEEF);
        driver.scratch(0xCAFE);
        assertEquals(0xBEEF, driver.scratch());
        bus.verifyDone();
    }

    @Test
    public void resetCountIsTheCountField() {
        bus.expectRead32(BASE + ResetStatusRegister.OFFSET, 0x0701);
        assertEquals(7, driver.resetCount());
        bus.verifyDone();
    }

    @Test
    public void softResetWritesTheResetBitThenWaitsForDone() {
        bus.expectWrite32(BASE + SoftResetRegister.OFFSET, SoftReset.RESET_MASK).expectAwait(BASE + ResetStatusRegister.OFFSET, ResetStatus.RESET_DONE_MASK, ResetStatus.RESET_DONE_MASK, 0x0101, SystemControlDriver.RESET_BOUND);
        driver.softReset();
        bus.verifyDone();
    }

    @Test
    public void softResetThatNeverCompletesNamesRegisterAndValue() {
        bus.expectWrite32(BASE + SoftResetRegister.OFFSET, SoftReset.RESET_MASK).expectAwait(BASE + ResetStatusRegister.OFFSET, ResetStatus.RESET_DONE_MASK, ResetStatus.RESET_DONE_MASK, 0x0300);
        IllegalStateException e = assertThrows(IllegalStateException.class, driver::softReset);
        assertTrue(e.getMessage(), e.getMessage().contains("RESET_STATUS=0x00000300"));
        assertTrue(e.getMessage(), e.getMessage().contains("0x00004014"));
        bus.verifyDone();
    }

    static SysctrlConfig config(long base) {
        return Configs.instance(SysctrlConfig.class, "sysctrl", base);
    }
}
