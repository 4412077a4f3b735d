package io.halcyon.block.pcie;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.pcie.regs.ErrStatus;
import io.halcyon.block.pcie.regs.ErrStatusRegister;
import io.halcyon.block.pcie.regs.LinkCtrl;
import io.halcyon.block.pcie.regs.LinkCtrlRegister;
import io.halcyon.block.pcie.regs.LinkStatusRegister;
import io.halcyon.block.pcie.regs.LtssmE;
import io.halcyon.block.pcie.regs.PcieConfig;
import io.halcyon.block.pcie.regs.PcieMap;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.pcie.LinkState;
import io.halcyon.hal.api.pcie.LinkStatus;
import io.halcyon.hal.api.pcie.PcieError;

public class PcieEndpointDriverTest {

    private static final long BASE = 0x2_0000;
    private static final long LINK_STATUS = BASE + LinkStatusRegister.OFFSET;
    private static final int LINK_UP = io.halcyon.block.pcie.regs.LinkStatus.LINK_UP_MASK;
    private static final Duration BOUND = Duration.ofNanos(500_000);
    private final ExpectingBus bus = new ExpectingBus(BASE, PcieMap.REGISTERS);
    private final PcieEndpointDriver driver = new PcieEndpointDriver(bus, Configs.instance(PcieConfig.class, "pcie", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    /** L0, up, gen 4, x16, as the register encodes it. */
    private static int linkUpGen4x16() {
        return (int) LtssmE.L0.value() | LINK_UP | 4 << io.halcyon.block.pcie.regs.LinkStatus.SPEED_SHIFT
                | 16 << io.halcyon.block.pcie.regs.LinkStatus.WIDTH_SHIFT;
    }

    @Test
    public void statusDecodesStateSpeedAndWidth() {
        bus.expectRead32(LINK_STATUS, linkUpGen4x16()).expectRead32(LINK_STATUS, (int) LtssmE.POLLING.value());
        assertEquals(new LinkStatus(LinkState.L0, true, 4, 16), driver.status());
        assertEquals(new LinkStatus(LinkState.POLLING, false, 0, 0), driver.status());
    }

    @Test
    public void undefinedStateIsReportedWithTheRegister() {
        bus.expectRead32(LINK_STATUS, 9);
        IllegalStateException e = assertThrows(IllegalStateException.class, driver::status);
        assertEquals("pcie.LINK_STATUS.LTSSM_STATE: undefined state 9 (pcie.LINK_STATUS=0x00000009)", e.getMessage());
    }

    @Test
    public void everyHardwareStateHasAnApiState() {
        for (LtssmE state : LtssmE.values()) {
            bus.expectRead32(LINK_STATUS, (int) state.value());
            assertEquals(state.name(), driver.status().state().name());
        }
    }

    @Test
    public void trainWritesTargetSpeedAndTrainInOneWrite() {
        bus.expectWrite32(BASE + LinkCtrlRegister.OFFSET, LinkCtrl.TRAIN_MASK | 3 << LinkCtrl.TARGET_SPEED_SHIFT);
        driver.train(3);
    }

    @Test
    public void generationOutOfRangeIsRefusedBeforeAnyAccess() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.train(6));
        assertEquals("pcie.LINK_CTRL.TARGET_SPEED: generation 6 is out of range 1..5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> driver.train(0));
    }

    @Test
    public void awaitLinkUpWaitsOnLinkUpAndReturnsTheStatusSeen() {
        bus.expectAwait(LINK_STATUS, LINK_UP, LINK_UP, linkUpGen4x16(), BOUND);
        assertEquals(new LinkStatus(LinkState.L0, true, 4, 16), driver.awaitLinkUp(BOUND));
    }

    @Test
    public void linkThatStaysDownNamesLinkStatusAndTheStateSeen() {
        bus.expectAwait(LINK_STATUS, LINK_UP, LINK_UP, (int) LtssmE.CONFIG.value(), BOUND);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> driver.awaitLinkUp(BOUND));
        assertEquals("pcie.LINK_STATUS", e.register());
        assertTrue(e.getMessage(), e.getMessage().startsWith("pcie.LINK_STATUS: LINK_UP == 1 (LTSSM_STATE seen: CONFIG) not reached"));
    }

    @Test
    public void errorsDecodeTheStickyBits() {
        bus.expectRead32(BASE + ErrStatusRegister.OFFSET, ErrStatus.CORRECTABLE_MASK | ErrStatus.LINK_DOWN_MASK);
        assertEquals(Set.of(PcieError.CORRECTABLE, PcieError.LINK_DOWN), driver.errors());
    }

    @Test
    public void clearErrorsWritesOnesOnlyForTheNamedBitsWithoutReading() {
        bus.expectWrite32(BASE + ErrStatusRegister.OFFSET, ErrStatus.UNCORRECTABLE_MASK | ErrStatus.LINK_DOWN_MASK);
        driver.clearErrors(EnumSet.of(PcieError.UNCORRECTABLE, PcieError.LINK_DOWN));
    }

    @Test
    public void clearingNothingTouchesNothing() {
        driver.clearErrors(Set.of());
    }
}
