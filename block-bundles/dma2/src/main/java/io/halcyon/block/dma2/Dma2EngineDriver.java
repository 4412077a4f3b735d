package io.halcyon.block.dma2;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.dma2.regs.ChDoorbell;
import io.halcyon.block.dma2.regs.ChErrInfo;
import io.halcyon.block.dma2.regs.ChHead;
import io.halcyon.block.dma2.regs.ChHeadRegister;
import io.halcyon.block.dma2.regs.ChIntStatus;
import io.halcyon.block.dma2.regs.ChTail;
import io.halcyon.block.dma2.regs.Ctrl;
import io.halcyon.block.dma2.regs.Dma2;
import io.halcyon.block.dma2.regs.Dma2Config;
import io.halcyon.block.dma2.regs.Dma2DriverBase;
import io.halcyon.block.dma2.regs.Dma2Map;
import io.halcyon.block.dma2.regs.DmaErrorE;
import io.halcyon.block.dma2.regs.RingDescDestination;
import io.halcyon.block.dma2.regs.RingDescFlags;
import io.halcyon.block.dma2.regs.RingDescLength;
import io.halcyon.block.dma2.regs.RingDescSource;
import io.halcyon.block.dma2.regs.RingDescSourceRegister;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.dma.MemorySpace;
import io.halcyon.hal.api.register.FieldCondition;
import io.halcyon.hal.api.register.RegisterBatch;

/**
 * Stateless driver of a generation-2 DMA engine, providing the 2.x DMA contract (64-bit lengths, post and
 * doorbell apart). Consumers written against 1.x reach it through the adapter bundles in
 * {@code adapters/}, since one bundle can wire to only one version of {@code io.halcyon.hal.api.dma}. Ring positions are read from HEAD and TAIL on every call; software never
 * writes TAIL on this engine, it tells the doorbell how many descriptors it put at TAIL.
 *
 * <p>The ring discipline (one slot left empty, wait for HEAD == TAIL when full, report a stopped channel
 * first) is generation 1's as well, but its code is not shared with block-dma's driver: a block bundle
 * imports APIs only, so that updating one refreshes nothing else, and hal-api holds no implementation.
 */
@ServesGenerations(block = Dma2Map.BLOCK, value = {2})
@Component(configurationPid = Dma2Config.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Dma2Config.class, factory = true)
public class Dma2EngineDriver extends Dma2DriverBase implements DmaEngine {

    /** Descriptors per ring; HEAD and TAIL wrap at it. One slot stays empty so HEAD == TAIL means empty. */
    static final int SLOTS = RingDescSourceRegister.COUNT_1;

    @Activate
    public Dma2EngineDriver(@Reference(name = "bus") RegisterBus bus, Dma2Config config) {
        super(bus, config);
    }

    @Override
    public int channels() {
        return ChHeadRegister.COUNT;
    }

    @Override
    public void enable() {
        regs().ctrl().write(Ctrl.RESET.withEnable(true));
    }

    @Override
    public int post(int channel, List<DmaDescriptor> descriptors) {
        checkChannel(channel);
        List<DmaDescriptor> todo = List.copyOf(descriptors);
        Channel now = read(channel);
        now.failIfStopped();
        int count = Math.min(room(now), todo.size());
        for (int i = 0; i < count; i++) {
            post(channel, (now.tail().index() + i) % SLOTS, todo.get(i));
        }
        // The descriptor words must have landed before a doorbell makes hardware fetch them.
        regs().flush();
        return count;
    }

    @Override
    public void ringDoorbell(int channel, int count) {
        checkChannel(channel);
        if (count < 1 || count >= SLOTS) {
            throw new IllegalArgumentException(blockName() + " doorbell count " + count + " outside 1.." + (SLOTS - 1));
        }
        regs().chDoorbell(channel).write(ChDoorbell.RESET.withCount(count));
    }

    private static int room(Channel now) {
        return Math.floorMod(now.head().index() - now.tail().index() - 1, SLOTS);
    }

    @Override
    public void submit(int channel, List<DmaDescriptor> descriptors, Duration bound) {
        checkChannel(channel);
        Objects.requireNonNull(bound, "bound");
        List<DmaDescriptor> todo = List.copyOf(descriptors);
        long deadline = bound.toNanos();
        int posted = 0;
        while (posted < todo.size()) {
            Channel now = read(channel);
            now.failIfStopped();
            int room = room(now);
            if (room == 0) {
                // Full: wait for the ring to drain (HEAD == TAIL stays true once reached; see awaitIdle).
                deadline -= awaitHead(channel, now.tail().index(), "ring space", Duration.ofNanos(Math.max(1, deadline)));
                continue;
            }
            int count = Math.min(room, todo.size() - posted);
            for (int i = 0; i < count; i++) {
                post(channel, (now.tail().index() + i) % SLOTS, todo.get(posted + i));
            }
            // The descriptor words must have landed before the doorbell makes hardware fetch them.
            regs().flush();
            regs().chDoorbell(channel).write(ChDoorbell.RESET.withCount(count));
            posted += count;
        }
    }

    private void post(int channel, int slot, DmaDescriptor d) {
        Dma2 regs = regs();
        regs.ringDescSource(channel, slot).post(RingDescSource.RESET.withAddr(d.source()));
        regs.ringDescDestination(channel, slot).post(RingDescDestination.RESET.withAddr(d.destination()));
        regs.ringDescLength(channel, slot).post(RingDescLength.RESET.withLength(d.length()));
        regs.ringDescFlags(channel, slot).post(RingDescFlags.RESET.withSourceHost(d.sourceSpace() == MemorySpace.HOST)
                .withDestinationHost(d.destinationSpace() == MemorySpace.HOST).withIrq(d.interrupt()));
    }

    @Override
    public void awaitIdle(int channel, Duration bound) {
        checkChannel(channel);
        Channel now = read(channel);
        now.failIfStopped();
        awaitHead(channel, now.tail().index(), "TAIL", bound);
    }

    /** Waits until HEAD reaches {@code index}, reporting a channel that stopped meanwhile; returns the device time waited. */
    private long awaitHead(int channel, int index, String why, Duration bound) {
        FieldCondition<ChHead> reached = ChHead.INDEX_FIELD.is(index);
        WaitResult result = regs().chHead(channel).await(reached, bound);
        if (!result.met()) {
            read(channel).failIfStopped();
            throw new WaitTimeoutException(regs().chHead(channel).path(), reached + " (" + why + ")", result);
        }
        return result.deviceNanos();
    }

    @Override
    public DmaChannelStatus status(int channel) {
        checkChannel(channel);
        Channel now = read(channel);
        return new DmaChannelStatus(channel, now.head().index(), now.tail().index(), now.interrupts().done(),
                now.interrupts().error(), now.errorInfo().codeBits());
    }

    @Override
    public long bytesMoved() {
        return regs().bytesMoved().read().bytes();
    }

    /** A channel's registers, read in one pipelined batch (none has a read side effect). */
    private record Channel(String block, int channel, ChHead head, ChTail tail, ChIntStatus interrupts, ChErrInfo errorInfo) {
        void failIfStopped() {
            if (!interrupts.error()) {
                return;
            }
            DmaErrorE code = errorInfo.code();
            throw new IllegalStateException(String.format(
                    "%s channel %d stopped on an error at descriptor %d: code %d (%s) (%s.CH[%d].ERR_INFO=0x%08x, HEAD=%d, TAIL=%d)",
                    block, channel, errorInfo.desc(), errorInfo.codeBits(), code == null ? "undefined" : code.description(),
                    block, channel, errorInfo.bits(), head.index(), tail.index()));
        }
    }

    private Channel read(int channel) {
        Dma2 regs = regs();
        RegisterBatch batch = regs.batch();
        RegisterBatch.Reading<ChHead> head = batch.add(regs.chHead(channel));
        RegisterBatch.Reading<ChTail> tail = batch.add(regs.chTail(channel));
        RegisterBatch.Reading<ChIntStatus> interrupts = batch.add(regs.chIntStatus(channel));
        RegisterBatch.Reading<ChErrInfo> errorInfo = batch.add(regs.chErrInfo(channel));
        batch.read();
        return new Channel(blockName(), channel, head.value(), tail.value(), interrupts.value(), errorInfo.value());
    }

    private void checkChannel(int channel) {
        if (channel < 0 || channel >= channels()) {
            throw new IllegalArgumentException(blockName() + " channel " + channel + " does not exist (0.." + (channels() - 1) + ")");
        }
    }
}
