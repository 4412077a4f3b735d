package io.halcyon.block.intc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.intc.regs.Enable;
import io.halcyon.block.intc.regs.EnableRegister;
import io.halcyon.block.intc.regs.IntcConfig;
import io.halcyon.block.intc.regs.IntcMap;
import io.halcyon.block.intc.regs.Pending;
import io.halcyon.block.intc.regs.PendingRegister;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.hal.api.register.EnumFields;

public class InterruptControllerDriverTest {

    private static final long BASE = 0x5_0000;
    private static final long PENDING = BASE + PendingRegister.OFFSET;
    private static final Duration SLICE = InterruptControllerDriver.SLICE;
    private final ExpectingBus bus = new ExpectingBus(BASE, IntcMap.REGISTERS);
    private final InterruptControllerDriver driver = new InterruptControllerDriver(bus, Configs.instance(IntcConfig.class, "intc", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    @Test
    public void pendingAndEnabledDecodeTheirRegisters() {
        bus.expectRead32(PENDING, Pending.DMA_MASK | Pending.CLKRST_MASK).expectRead32(BASE + EnableRegister.OFFSET, Enable.TENSOR_MASK);
        assertEquals(Set.of(InterruptSource.DMA, InterruptSource.CLKRST), driver.pending());
        assertEquals(Set.of(InterruptSource.TENSOR), driver.enabled());
    }

    @Test
    public void setEnabledWritesExactlyTheSet() {
        bus.expectWrite32(BASE + EnableRegister.OFFSET, Enable.PCIE_MASK | Enable.TELEMETRY_MASK).expectWrite32(BASE + EnableRegister.OFFSET, 0);
        driver.setEnabled(EnumSet.of(InterruptSource.PCIE, InterruptSource.TELEMETRY));
        driver.setEnabled(Set.of());
    }

    @Test
    public void acknowledgeWritesOnesForTheNamedSourcesOnlyWithoutReading() {
        bus.expectWrite32(PENDING, Pending.HBM_MASK | Pending.TENSOR_MASK);
        driver.acknowledge(EnumSet.of(InterruptSource.HBM, InterruptSource.TENSOR));
        driver.acknowledge(Set.of());
    }

    @Test
    public void oneSourceIsAwaitedForTheWholeBound() {
        Duration bound = Duration.ofNanos(300_000);
        bus.expectAwait(PENDING, Pending.CLKRST_MASK, Pending.CLKRST_MASK, Pending.CLKRST_MASK | Pending.PCIE_MASK, bound);
        assertEquals(Set.of(InterruptSource.CLKRST), driver.awaitAny(Set.of(InterruptSource.CLKRST), bound));
    }

    @Test
    public void severalSourcesAlreadyPendingNeedOneRead() {
        bus.expectRead32(PENDING, Pending.HBM_MASK | Pending.PCIE_MASK);
        assertEquals(Set.of(InterruptSource.HBM),
                driver.awaitAny(EnumSet.of(InterruptSource.DMA, InterruptSource.HBM), Duration.ofNanos(300_000)));
    }

    @Test
    public void severalSourcesAreAwaitedInTurnUnderOneDeadline() {
        bus.expectRead32(PENDING, 0)
                .expectAwait(PENDING, Pending.HBM_MASK, Pending.HBM_MASK, 0, SLICE)
                .expectAwait(PENDING, Pending.DMA_MASK, Pending.DMA_MASK, 0, SLICE)
                .expectAwait(PENDING, Pending.HBM_MASK, Pending.HBM_MASK, 0, SLICE)
                .expectAwait(PENDING, Pending.DMA_MASK, Pending.DMA_MASK, Pending.DMA_MASK | Pending.HBM_MASK, SLICE);
        assertEquals(EnumSet.of(InterruptSource.DMA, InterruptSource.HBM),
                driver.awaitAny(EnumSet.of(InterruptSource.DMA, InterruptSource.HBM), Duration.ofNanos(1_000_000)));
    }

    @Test
    public void noSourceInTimeIsAWaitTimeoutOnPending() {
        Duration bound = SLICE.multipliedBy(2).plusNanos(500);
        bus.expectRead32(PENDING, 0)
                .expectAwait(PENDING, Pending.PCIE_MASK, Pending.PCIE_MASK, 0, SLICE)
                .expectAwait(PENDING, Pending.TENSOR_MASK, Pending.TENSOR_MASK, 0, SLICE)
                .expectAwait(PENDING, Pending.PCIE_MASK, Pending.PCIE_MASK, 0, Duration.ofNanos(500));
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> driver.awaitAny(EnumSet.of(InterruptSource.PCIE, InterruptSource.TENSOR), bound));
        assertEquals("intc.PENDING", e.register());
        assertEquals(bound.toNanos(), e.result().deviceNanos());
    }

    @Test
    public void awaitingNoSourceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> driver.awaitAny(Set.of(), Duration.ofNanos(1000)));
    }

    @Test
    public void everySourceHasTheSameBitInPendingAndEnable() {
        // The driver takes the bits from PENDING and writes ENABLE with them: the description must agree.
        EnumFields<InterruptSource, Enable> enable = EnumFields.match(InterruptSource.class, Enable.FIELDS);
        for (InterruptSource source : InterruptSource.values()) {
            assertEquals(source.name(), enable.field(source).mask(), InterruptControllerDriver.SOURCES.field(source).mask());
        }
    }
}
