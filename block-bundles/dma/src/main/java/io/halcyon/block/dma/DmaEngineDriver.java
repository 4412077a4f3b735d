package io.halcyon.block.dma;

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
import io.halcyon.block.dma.regs.DmaConfig;
import io.halcyon.block.dma.regs.DmaDriverBase;
import io.halcyon.block.dma.regs.DmaErrorE;
import io.halcyon.block.dma.regs.RingDescControl;
import io.halcyon.block.dma.regs.RingDescDestination;
import io.halcyon.block.dma.regs.RingDescSource;
import io.halcyon.block.dma.regs.RingDescSourceRegister;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.dma.MemorySpace;
import io.halcyon.hal.api.register.FieldCondition;
import io.halcyon.hal.api.register.RegisterBatch;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.dma.regs.DmaMap;

/**
 * Stateless driver of one DMA engine instance. Ring positions are read from HEAD and TAIL on every
 * call and descriptors live in the chip's ring memory, so a new version of this bundle carries on
 * where the old one stopped, even with transfers in flight.
 */
// Generation 2 has a DMA engine of another programming model, type dma2 (block-bundles/dma2).
@ServesGenerations(block = DmaMap.BLOCK, value = {1})
@Component(configurationPid = DmaConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DmaConfig.class, factory = true)
public class DmaEngineDriver extends DmaDriverBase implements DmaEngine {

    /** Descriptors per ring: the ring memory's descriptor count; HEAD and TAIL wrap at it. */
    static final int SLOTS = RingDescSourceRegister.COUNT_1;

    @Activate
    public DmaEngineDriver(@Reference(name = "bus") RegisterBus bus, DmaConfig config) {
        super(bus, config);
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
            if (free(head, tail) == 0) {
                // Full: wait until the ring has drained (HEAD == TAIL) rather than for one slot. HEAD
                // stops at TAIL, so that condition stays true once reached and a platform that polls
                // cannot miss it; "HEAD has left slot X" is over as soon as the next descriptor starts.
                remainingNanos -= awaitHead(channel, tail, "ring space", Duration.ofNanos(Math.max(1, remainingNanos)));
                head = tail;
            }
            int count = Math.min(free(head, tail), todo.size() - next);
            for (int i = 0; i < count; i++) {
                post(channel, advance(tail, i), todo.get(next + i));
            }
            // Every descriptor word must have landed before the doorbell makes hardware fetch them.
            regs().flush();
            tail = advance(tail, count);
            regs().chTail(channel).write(ChTail.RESET.withIndex(tail));
            next += count;
        }
    }

    /** The cookie word is left alone: the contract gives callers no cookie to put there. */
    private void post(int channel, int slot, DmaDescriptor d) {
        Dma regs = regs();
        regs.ringDescSource(channel, slot).post(RingDescSource.RESET.withAddr(d.source()));
        regs.ringDescDestination(channel, slot).post(RingDescDestination.RESET.withAddr(d.destination()));
        regs.ringDescControl(channel, slot).post(RingDescControl.RESET.withLength(d.length())
                .withSourceHost(d.sourceSpace() == MemorySpace.HOST)
                .withDestinationHost(d.destinationSpace() == MemorySpace.HOST)
                .withIrq(d.interrupt()));
    }

    /** The next position after {@code slot}, plus {@code n}, around the ring. */
    private static int advance(int slot, int n) {
        return Math.floorMod(slot + n, SLOTS);
    }

    /** Slots software may fill: one always stays empty, so HEAD == TAIL means empty, never full. */
    private static int free(int head, int tail) {
        return Math.floorMod(head - tail - 1, SLOTS);
    }

    @Override
    public void awaitIdle(int channel, Duration bound) {
        checkChannel(channel);
        Snapshot now = snapshot(channel);
        // A stopped channel never drains: report its error now instead of after the whole bound.
        failIfStopped(now);
        awaitHead(channel, now.tail().index(), "TAIL", bound);
    }

    /**
     * Waits until HEAD reaches {@code index}; a channel that stopped meanwhile reports its error,
     * otherwise the timeout names HEAD, the index and why it was awaited.
     *
     * @return the device time the wait took
     */
    private long awaitHead(int channel, int index, String why, Duration bound) {
        FieldCondition<ChHead> reached = ChHead.INDEX_FIELD.is(index);
        WaitResult result = regs().chHead(channel).await(reached, bound);
        if (!result.met()) {
            failIfStopped(snapshot(channel));
            throw new WaitTimeoutException(regs().chHead(channel).path(), reached + " (" + why + ")", result);
        }
        return result.deviceNanos();
    }

    @Override
    public DmaChannelStatus status(int channel) {
        checkChannel(channel);
        Snapshot now = snapshot(channel);
        return new DmaChannelStatus(channel, now.head().index(), now.tail().index(), now.interrupts().done(),
                now.interrupts().error(), now.errorInfo().codeBits());
    }

    /** A channel's registers as one pipelined batch read them (none has a read side effect). */
    private record Snapshot(int channel, String errorInfoPath, ChHead head, ChTail tail, ChIntStatus interrupts,
            ChErrInfo errorInfo) {}

    private Snapshot snapshot(int channel) {
        Dma regs = regs();
        RegisterBatch batch = regs.batch();
        RegisterBatch.Reading<ChHead> head = batch.add(regs.chHead(channel));
        RegisterBatch.Reading<ChTail> tail = batch.add(regs.chTail(channel));
        RegisterBatch.Reading<ChIntStatus> interrupts = batch.add(regs.chIntStatus(channel));
        RegisterBatch.Reading<ChErrInfo> errorInfo = batch.add(regs.chErrInfo(channel));
        batch.read();
        return new Snapshot(channel, errorInfo.register().path(), head.value(), tail.value(), interrupts.value(),
                errorInfo.value());
    }

    @Override
    public long bytesMoved() {
        return regs().bytesMoved().read().bytes();
    }

    private void checkChannel(int channel) {
        if (channel < 0 || channel >= channels()) {
            throw new IllegalArgumentException(blockName() + " channel " + channel + " does not exist (0.." + (channels() - 1) + ")");
        }
    }

    private void failIfStopped(Snapshot now) {
        if (!now.interrupts().error()) {
            return;
        }
        DmaErrorE code = now.errorInfo().code();
        throw new IllegalStateException(String.format(
                "%s channel %d stopped on an error at descriptor %d: code %d (%s) (%s=0x%08x, HEAD=%d, TAIL=%d)",
                blockName(), now.channel(), now.errorInfo().desc(), now.errorInfo().codeBits(),
                code == null ? "undefined" : code.description(), now.errorInfoPath(), now.errorInfo().bits(),
                now.head().index(), now.tail().index()));
    }
}
