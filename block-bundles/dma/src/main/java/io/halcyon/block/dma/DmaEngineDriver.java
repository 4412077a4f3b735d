package io.halcyon.block.dma;

import io.halcyon.block.dma.regs.DmaConfig;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.dma.regs.ChErrInfo;
import io.halcyon.block.dma.regs.ChHead;
import io.halcyon.block.dma.regs.ChHeadRegister;
import io.halcyon.block.dma.regs.ChIntStatus;
import io.halcyon.block.dma.regs.ChTail;
import io.halcyon.block.dma.regs.Ctrl;
import io.halcyon.block.dma.regs.Dma;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;

/**
 * Stateless driver of the DMA engine. Ring positions are read from HEAD and TAIL on every call and
 * descriptors live in the chip's ring memory, so a new version of this bundle carries on where the
 * old one stopped, even with transfers in flight.
 */
@Component(configurationPid = DmaConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DmaConfig.class, factory = true)
public class DmaEngineDriver implements DmaEngine {

    private static final String[] ERROR_CODES = {"none", "address out of range", "length not a multiple of 4",
        "HBM not ready", "DMA disabled"};

    private final RegisterBus bus;
    private final long base;

    @Activate
    public DmaEngineDriver(@Reference(name = "bus") RegisterBus bus, DmaConfig config) {
        this.bus = bus;
        this.base = config.base_address();
    }

    /**
     * The block's registers, made on use from the bus and base held here: the JIT removes the accessor,
     * so an access costs what hand-written mask-and-shift code costs (a held accessor adds a dependent load).
     */
    private Dma regs() {
        return new Dma(bus, base);
    }

    @Override
    public int channels() {
        return ChHeadRegister.COUNT;
    }

    @Override
    public void enable() {
        // ENABLE is the register's only field: a write sets it without a read.
        regs().ctrl().write(Ctrl.RESET.withEnable(true));
    }

    @Override
    public void submit(int channel, List<DmaDescriptor> descriptors, Duration bound) {
        checkChannel(channel);
        List<DmaDescriptor> todo = List.copyOf(descriptors);
        Objects.requireNonNull(bound, "bound");
        if (todo.isEmpty()) {
            return;
        }
        Snapshot now = snapshot(channel);
        failIfStopped(now);
        int head = now.head().index();
        int tail = now.tail().index();
        long remainingNanos = bound.toNanos();
        int next = 0;
        while (next < todo.size()) {
            if (DescriptorRing.free(head, tail) == 0) {
                // Full: wait until the ring has drained (HEAD == TAIL) rather than for one slot. HEAD
                // stops at TAIL, so that condition stays true once reached and a platform that polls
                // cannot miss it; "HEAD has left slot X" is over as soon as the next descriptor starts.
                WaitResult drained = bus.await(regs().chHead(channel).address(), ChHead.INDEX_MASK, tail,
                        Duration.ofNanos(Math.max(1, remainingNanos)));
                remainingNanos -= drained.deviceNanos();
                if (!drained.met()) {
                    failIfStopped(snapshot(channel));
                    throw new WaitTimeoutException(headName(channel), "INDEX == " + tail + " (ring space)", drained);
                }
                head = tail;
            }
            int count = Math.min(DescriptorRing.free(head, tail), todo.size() - next);
            for (int i = 0; i < count; i++) {
                post(channel, DescriptorRing.advance(tail, i), todo.get(next + i));
            }
            // Every descriptor word must have landed before the doorbell makes hardware fetch them.
            bus.flush();
            tail = DescriptorRing.advance(tail, count);
            regs().chTail(channel).write(ChTail.RESET.withIndex(tail));
            next += count;
        }
    }

    /** Word 3 (free for software) is left alone: the contract gives callers no cookie to put there. */
    private void post(int channel, int slot, DmaDescriptor d) {
        bus.post64(DescriptorRing.wordAddress(base, channel, slot, DescriptorRing.SOURCE_WORD), d.source());
        bus.post64(DescriptorRing.wordAddress(base, channel, slot, DescriptorRing.DESTINATION_WORD), d.destination());
        bus.post64(DescriptorRing.wordAddress(base, channel, slot, DescriptorRing.LENGTH_AND_FLAGS_WORD),
                DescriptorRing.lengthAndFlags(d));
    }

    @Override
    public void awaitIdle(int channel, Duration bound) {
        checkChannel(channel);
        Snapshot now = snapshot(channel);
        // A stopped channel never drains: report its error now instead of after the whole bound.
        failIfStopped(now);
        int tail = now.tail().index();
        WaitResult idle = bus.await(regs().chHead(channel).address(), ChHead.INDEX_MASK, tail, bound);
        if (!idle.met()) {
            failIfStopped(snapshot(channel));
            throw new WaitTimeoutException(headName(channel), "INDEX == " + tail + " (TAIL)", idle);
        }
    }

    @Override
    public DmaChannelStatus status(int channel) {
        checkChannel(channel);
        Snapshot now = snapshot(channel);
        return new DmaChannelStatus(channel, now.head().index(), now.tail().index(), now.interrupts().done(),
                now.interrupts().error(), now.errorInfo().codeBits());
    }

    /** A channel's registers as one pipelined batch read them (none has a read side effect). */
    private record Snapshot(int channel, ChHead head, ChTail tail, ChIntStatus interrupts, ChErrInfo errorInfo) {}

    private Snapshot snapshot(int channel) {
        int[] raw = bus.read32(new long[] {regs().chHead(channel).address(), regs().chTail(channel).address(),
            regs().chIntStatus(channel).address(), regs().chErrInfo(channel).address()});
        return new Snapshot(channel, ChHead.fromBits(raw[0]), ChTail.fromBits(raw[1]), ChIntStatus.fromBits(raw[2]),
                ChErrInfo.fromBits(raw[3]));
    }

    @Override
    public long bytesMoved() {
        return regs().bytesMoved().read().bytes();
    }

    private void checkChannel(int channel) {
        if (channel < 0 || channel >= channels()) {
            throw new IllegalArgumentException("dma channel " + channel + " does not exist (0.." + (channels() - 1) + ")");
        }
    }

    private static void failIfStopped(Snapshot now) {
        if (!now.interrupts().error()) {
            return;
        }
        int code = now.errorInfo().codeBits();
        throw new IllegalStateException(String.format(
                "dma channel %d stopped on an error at descriptor %d: code %d (%s) (dma.CH[%d].ERR_INFO=0x%08x, HEAD=%d, TAIL=%d)",
                now.channel(), now.errorInfo().desc(), code, code < ERROR_CODES.length ? ERROR_CODES[code] : "undefined",
                now.channel(), now.errorInfo().bits(), now.head().index(), now.tail().index()));
    }

    private static String headName(int channel) {
        return "dma.CH[" + channel + "].HEAD";
    }
}
