package io.halcyon.launcher.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.junit.Test;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.otp.Fuses;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;
import io.halcyon.launcher.update.UpdateGate;

/** The views a contract declares, compared as their stability says, between a running and a new driver. */
public class ContractViewsTest {

    private static final List<String> DMA = List.of(DmaEngine.class.getName());

    /** A DMA driver whose channel count and byte counter come from the test. */
    private static final class Dma implements DmaEngine {
        private final int channels;
        private final LongSupplier bytes;

        Dma(int channels, LongSupplier bytes) {
            this.channels = channels;
            this.bytes = bytes;
        }

        @Override
        public int channels() {
            return channels;
        }

        @Override
        public long bytesMoved() {
            return bytes.getAsLong();
        }

        @Override
        public void enable() {
            throw new AssertionError("a gate never calls what is not a view");
        }

        @Override
        public void submit(int channel, List<DmaDescriptor> descriptors, Duration bound) {
            throw new AssertionError("a gate never calls what is not a view");
        }

        @Override
        public void awaitIdle(int channel, Duration bound) {
            throw new AssertionError("a gate never calls what is not a view");
        }

        @Override
        public DmaChannelStatus status(int channel) {
            throw new AssertionError("a view has no argument");
        }
    }

    private static Tally compare(DmaEngine running, DmaEngine staged) throws GateFailure {
        Tally tally = new Tally();
        new ContractViews(new UpdateGate.Contract("0", "dma", DMA, running, staged), tally).compare();
        return tally;
    }

    @Test
    public void equalViewsAndACounterThatMovesOnPass() throws GateFailure {
        AtomicLong moved = new AtomicLong(1000);
        Tally tally = compare(new Dma(4, () -> moved.addAndGet(64)), new Dma(4, () -> moved.addAndGet(64)));
        assertEquals(1, tally.viewsEqual);
        assertEquals(1, tally.countersInRange);
        assertEquals(0, tally.viewsUnsettled);
    }

    @Test
    public void aConfiguredViewThatDiffersFailsNamingIt() {
        GateFailure f = assertThrows(GateFailure.class, () -> compare(new Dma(4, () -> 0), new Dma(8, () -> 0)));
        assertEquals("health gate: dma (chip 0) DmaEngine.channels() reads 4 through the running version, 8 through the new one", f.getMessage());
    }

    @Test
    public void aCounterOutsideTheRunningReadsFails() {
        AtomicLong moved = new AtomicLong(5000);
        GateFailure f = assertThrows(GateFailure.class, () -> compare(new Dma(4, moved::incrementAndGet), new Dma(4, () -> 3)));
        assertTrue(f.getMessage(), f.getMessage().startsWith("health gate: dma (chip 0) DmaEngine.bytesMoved() counts 3 through the new version, outside"));
    }

    @Test
    public void aViewThatThrowsThroughTheNewVersionFails() {
        GateFailure f = assertThrows(GateFailure.class, () -> compare(new Dma(4, () -> 7), new Dma(4, () -> {
            throw new DecodeErrorException(0x10108, "read64");
        })));
        assertTrue(f.getMessage(), f.getMessage().startsWith("health gate: dma (chip 0) DmaEngine.bytesMoved() throws through the new version: DecodeErrorException"));
    }

    @Test
    public void aViewTheRunningVersionReadsDifferentlyEachTimeIsUnsettledNotChecked() throws GateFailure {
        AtomicLong wraps = new AtomicLong(100);
        Tally tally = compare(new Dma(4, () -> wraps.addAndGet(-1)), new Dma(4, () -> 50));
        assertEquals(0, tally.countersInRange);
        assertEquals(1, tally.viewsUnsettled);
    }

    @Test
    public void everyBlockContractDeclaresAViewTheGateCanCompare() {
        for (Class<?> contract : List.of(SystemControl.class, ClockReset.class, PcieEndpoint.class, HbmController.class, DmaEngine.class,
                InterruptController.class, TensorEngine.class, Telemetry.class, Fuses.class)) {
            long comparable = 0;
            for (Method m : contract.getMethods()) {
                View view = m.getAnnotation(View.class);
                if (view != null) {
                    assertEquals(contract.getSimpleName() + "." + m.getName() + " is a view: no argument", 0, m.getParameterCount());
                    comparable += view.value() == Stability.LIVE ? 0 : 1;
                }
            }
            assertTrue(contract.getSimpleName() + " declares a configured or counting view", comparable > 0);
        }
    }
}
