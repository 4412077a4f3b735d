package io.halcyon.block.intc;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.intc.regs.Enable;
import io.halcyon.block.intc.regs.Intc;
import io.halcyon.block.intc.regs.IntcConfig;
import io.halcyon.block.intc.regs.IntcDriverBase;
import io.halcyon.block.intc.regs.Pending;
import io.halcyon.block.intc.regs.PendingRegister;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.register.EnumFields;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.intc.regs.IntcMap;

/** Stateless driver of the interrupt controller: PENDING and ENABLE are read from the hardware on every call. */
@ServesGenerations(block = IntcMap.BLOCK, value = {1, 2})
@Component(configurationPid = IntcConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IntcConfig.class, factory = true)
public class InterruptControllerDriver extends IntcDriverBase implements InterruptController {

    /** The contract's sources are PENDING's one-bit fields of the same names (ENABLE has the same bits). */
    static final EnumFields<InterruptSource, Pending> SOURCES = EnumFields.match(InterruptSource.class, Pending.FIELDS);

    /**
     * Device time spent waiting on one source before looking at the next, when several are awaited.
     * Small against what sources signal (a PLL locks in 20 us, HBM trains in 200 us).
     */
    static final Duration SLICE = Duration.ofNanos(10_000);

    @Activate
    public InterruptControllerDriver(@Reference(name = "bus") RegisterBus bus, IntcConfig config) {
        super(bus, config);
    }

    @Override
    public Set<InterruptSource> pending() {
        return SOURCES.decode(regs().pending().read().rawBits());
    }

    @Override
    public Set<InterruptSource> enabled() {
        return SOURCES.decode(regs().enable().read().rawBits());
    }

    @Override
    public void setEnabled(Set<InterruptSource> sources) {
        // ENABLE holds one bit per source and nothing else, so writing the whole set needs no read.
        regs().enable().write(Enable.fromBits((int) SOURCES.bits(sources)));
    }

    @Override
    public void acknowledge(Set<InterruptSource> sources) {
        int mask = (int) SOURCES.bits(sources);
        if (mask != 0) {
            // Write 1 to clear the named bits only; no read, so a source latched meanwhile stays pending.
            regs().pending().write(Pending.fromBits(mask));
        }
    }

    /**
     * An await meets {@code (value & mask) == expected}, which says "all of" but not "any of". Since
     * PENDING bits are sticky until acknowledged, each one awaited alone is a condition that stays true
     * once reached, so no platform can miss it: the driver awaits the sources in turn, {@link #SLICE}
     * of device time each, under one deadline. One source is awaited for the whole bound. (ACTIVE
     * would do "any" only for enabled sources, and awaiting it still needs an exact value.)
     */
    @Override
    public Set<InterruptSource> awaitAny(Set<InterruptSource> sources, Duration bound) {
        PendingRegister pending = regs().pending();
        long wanted = SOURCES.bits(sources);
        if (wanted == 0) {
            throw new IllegalArgumentException(pending.path() + ": awaitAny needs at least one source");
        }
        Objects.requireNonNull(bound, "bound");
        Set<InterruptSource> awaited = EnumSet.copyOf(sources);
        if (awaited.size() > 1) {
            long now = pending.read().rawBits() & wanted;
            if (now != 0) {
                return SOURCES.decode(now);
            }
        }
        long remaining = bound.toNanos();
        while (true) {
            for (InterruptSource source : awaited) {
                long slice = awaited.size() == 1 ? remaining : Math.min(remaining, SLICE.toNanos());
                WaitResult result = pending.await(SOURCES.field(source).is(1), Duration.ofNanos(Math.max(1, slice)));
                if (result.met()) {
                    return SOURCES.decode(Integer.toUnsignedLong(result.lastValue()) & wanted);
                }
                remaining -= result.deviceNanos();
                if (remaining <= 0) {
                    throw new WaitTimeoutException(pending.path(), "any of " + awaited + " pending",
                            new WaitResult(pending.address(), false, result.lastValue(), bound.toNanos() - remaining));
                }
            }
        }
    }
}
