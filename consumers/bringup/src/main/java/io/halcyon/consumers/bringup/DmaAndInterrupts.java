package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.intc.InterruptSource;

/**
 * Lets the DMA channels run and enables every interrupt source. Events latched while the chip came
 * up (PLL lock, HBM training done) are acknowledged before their source is enabled, so the host is
 * not interrupted for history; sources that were enabled already are left alone.
 */
final class DmaAndInterrupts extends Step {

    static final String NAME = "dma-and-interrupts";
    static final Set<InterruptSource> SOURCES = Collections.unmodifiableSet(EnumSet.allOf(InterruptSource.class));

    private final DmaEngine dma;
    private final RegisterField dmaEnable;
    private final InterruptController intc;

    /** @param dmaEnable the DMA engine's global enable bit (dma.CTRL.ENABLE), which DmaEngine does not report */
    DmaAndInterrupts(DmaEngine dma, RegisterField dmaEnable, InterruptController intc) {
        super(NAME, Duration.ofNanos(10_000));
        this.dma = dma;
        this.dmaEnable = dmaEnable;
        this.intc = intc;
    }

    @Override
    Optional<String> endState() {
        return dmaEnable.read() == 1 && intc.enabled().containsAll(SOURCES)
                ? Optional.of("DMA enabled, " + dma.channels() + " channels; interrupts enabled " + Names.of(SOURCES))
                : Optional.empty();
    }

    @Override
    String perform(DeviceDeadline deadline) {
        boolean dmaWasEnabled = dmaEnable.read() == 1;
        if (!dmaWasEnabled) {
            dma.enable();
        }
        Set<InterruptSource> enabled = intc.enabled();
        Set<InterruptSource> newlyEnabled = EnumSet.copyOf(SOURCES);
        newlyEnabled.removeAll(enabled);
        Set<InterruptSource> stale = EnumSet.noneOf(InterruptSource.class);
        stale.addAll(intc.pending());
        stale.retainAll(newlyEnabled);
        if (!stale.isEmpty()) {
            intc.acknowledge(stale);
        }
        if (!newlyEnabled.isEmpty()) {
            intc.setEnabled(SOURCES);
        }
        return (dmaWasEnabled ? "DMA was enabled" : "DMA enabled") + ", " + dma.channels() + " channels; interrupts enabled "
                + Names.of(newlyEnabled) + ", stale acknowledged " + Names.of(stale);
    }
}
