package io.halcyon.block.otp;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.otp.regs.Ctrl;
import io.halcyon.block.otp.regs.CtrlRegister;
import io.halcyon.block.otp.regs.HbmRepairRegister;
import io.halcyon.block.otp.regs.OtpConfig;
import io.halcyon.block.otp.regs.OtpMap;
import io.halcyon.block.otp.regs.SerialHiRegister;
import io.halcyon.block.otp.regs.SerialLoRegister;
import io.halcyon.block.otp.regs.SkuRegister;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.otp.FuseContents;
import io.halcyon.hal.api.otp.HbmRepair;

public class FuseDriverTest {

    private static final long BASE = 0x8_0000;
    private final ExpectingBus bus = new ExpectingBus(BASE, OtpMap.REGISTERS);
    private final FuseDriver driver = new FuseDriver(bus, Configs.instance(OtpConfig.class, "otp", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    private static long repair(int stack) {
        return BASE + HbmRepairRegister.OFFSET + stack * HbmRepairRegister.STRIDE;
    }

    @Test
    public void contentsAreOneBatchOfEveryFuseWordAndTheLock() {
        bus.expectBatchRead32(new long[] {BASE + SerialLoRegister.OFFSET, BASE + SerialHiRegister.OFFSET,
            BASE + SkuRegister.OFFSET, repair(0), repair(1), repair(2), repair(3), BASE + CtrlRegister.OFFSET},
                0x9ABC_DEF0, 0x0012_3456, 0x0002_4C31, 0, 0x0030_0003, 0x0040_0000, 0x002E_0005, 1);
        FuseContents fuses = driver.contents();
        assertEquals(0x0012_3456_9ABC_DEF0L, fuses.serialNumber());
        assertEquals(0x4C31, fuses.product());
        assertEquals(2, fuses.speedBin());
        assertEquals(List.of(new HbmRepair(0, 0, 0), new HbmRepair(1, 3, 0x30), new HbmRepair(2, 0, 0x40),
                new HbmRepair(3, 5, 0x2E)), fuses.hbmRepairs());
        assertEquals(8, fuses.repairedRows());
        assertEquals(true, fuses.locked());
    }

    @Test
    public void lockWritesTheLockBitAloneWithoutReading() {
        bus.expectWrite32(BASE + CtrlRegister.OFFSET, Ctrl.LOCK_MASK);
        driver.lock();
    }
}
