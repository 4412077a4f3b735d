package io.halcyon.platform.emulation.model;

import java.nio.ByteBuffer;

import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.platform.emulation.regfile.FieldHandle;
import io.halcyon.platform.emulation.regfile.Memory;

/**
 * The DMA engine. A write to a channel's TAIL (the doorbell; the block out of reset and clocked) makes
 * the channel work through its ring from HEAD to TAIL, one descriptor at a time: each takes
 * length/16 ns + {@link #DESCRIPTOR_OVERHEAD_NANOS} of device time, after which its bytes are copied,
 * HEAD advances (mod {@link #RING_ENTRIES}), BYTES_MOVED counts them, and with the IRQ flag DONE is set
 * (and the DMA interrupt fires when enabled). A failing descriptor stops the channel at HEAD with ERROR
 * and ERR_INFO; the next doorbell retries it.
 */
public final class DmaBehaviour extends BlockBehaviour {

    public static final int CHANNELS = 4;
    public static final int RING_ENTRIES = 16;
    public static final long DESCRIPTOR_OVERHEAD_NANOS = 100;
    public static final long BYTES_PER_NANO = 16;

    static final int ADDRESS_OUT_OF_RANGE = 1;
    static final int LENGTH_NOT_MULTIPLE_OF_4 = 2;
    static final int HBM_NOT_READY = 3;
    static final int DMA_DISABLED = 4;

    private static final long SOURCE_IS_HOST = 1L << 32;
    private static final long DESTINATION_IS_HOST = 1L << 33;
    private static final long INTERRUPT = 1L << 34;

    private final ClkrstBehaviour clkrst;
    private final IntcBehaviour intc;
    private final HbmBehaviour hbm;
    private final HostAddressSpace host;
    private final FieldHandle enable;
    private final FieldHandle bytesMoved;
    private final Channel[] channels = new Channel[CHANNELS];

    DmaBehaviour(ModelClock clock, ClkrstBehaviour clkrst, IntcBehaviour intc, HbmBehaviour hbm, HostAddressSpace host) {
        super("dma", clock);
        this.clkrst = clkrst;
        this.intc = intc;
        this.hbm = hbm;
        this.host = host;
        enable = field("CTRL.ENABLE");
        bytesMoved = field("BYTES_MOVED.BYTES");
        for (int i = 0; i < CHANNELS; i++) {
            channels[i] = new Channel(i);
        }
    }

    @Override
    protected void resetBehaviour() {
        for (Channel c : channels) {
            c.working = false;
        }
    }

    private record Descriptor(int index, long source, long destination, long length, long flags) {
        boolean sourceIsHost() {
            return (flags & SOURCE_IS_HOST) != 0;
        }

        boolean destinationIsHost() {
            return (flags & DESTINATION_IS_HOST) != 0;
        }

        long nanos() {
            return length / BYTES_PER_NANO + DESCRIPTOR_OVERHEAD_NANOS;
        }
    }

    private final class Channel {
        final String name;
        final FieldHandle head;
        final FieldHandle tail;
        final FieldHandle done;
        final FieldHandle error;
        final FieldHandle doneEnabled;
        final FieldHandle errorEnabled;
        final FieldHandle errorCode;
        final FieldHandle errorDescriptor;
        final Memory ring;
        boolean working;

        Channel(int n) {
            name = "CH[" + n + "]";
            head = field(name + ".HEAD.INDEX");
            tail = field(name + ".TAIL.INDEX");
            done = field(name + ".INT_STATUS.DONE");
            error = field(name + ".INT_STATUS.ERROR");
            doneEnabled = field(name + ".INT_ENABLE.DONE");
            errorEnabled = field(name + ".INT_ENABLE.ERROR");
            errorCode = field(name + ".ERR_INFO.CODE");
            errorDescriptor = field(name + ".ERR_INFO.DESC");
            ring = registers().memory("RING[" + n + "]");
            register(name + ".TAIL").onWrite((data, mask) -> doorbell());
        }

        void doorbell() {
            if (!working && clkrst.running(ChipBlock.DMA)) {
                startNext();
            }
        }

        void startNext() {
            working = false;
            if (head.get() == tail.get()) {
                return;
            }
            Descriptor d = descriptor((int) head.get());
            int problem = enable.get() == 0 ? DMA_DISABLED : check(d);
            if (problem != 0) {
                fail(d.index, problem);
                return;
            }
            working = true;
            after(d.nanos(), () -> finish(d));
        }

        void finish(Descriptor d) {
            // Host buffers can be closed while the copy is under way: resolve again at the end.
            int problem = check(d);
            if (problem != 0) {
                fail(d.index, problem);
                return;
            }
            copy(d);
            head.set((head.get() + 1) % RING_ENTRIES);
            bytesMoved.increment(d.length);
            if ((d.flags & INTERRUPT) != 0) {
                done.hwSet();
                if (doneEnabled.get() == 1) {
                    intc.raise(InterruptSource.DMA);
                }
            }
            startNext();
        }

        void fail(int index, int code) {
            working = false;
            errorCode.set(code);
            errorDescriptor.set(index);
            error.hwSet();
            if (errorEnabled.get() == 1) {
                intc.raise(InterruptSource.DMA);
            }
        }

        Descriptor descriptor(int index) {
            long word = index * 4L;
            long sizeAndFlags = ring.entry(word + 2);
            return new Descriptor(index, ring.entry(word), ring.entry(word + 1), sizeAndFlags & 0xFFFF_FFFFL,
                    sizeAndFlags & ~0xFFFF_FFFFL);
        }
    }

    private int check(Descriptor d) {
        if (d.length % 4 != 0) {
            return LENGTH_NOT_MULTIPLE_OF_4;
        }
        if ((!d.sourceIsHost() || !d.destinationIsHost()) && !hbm.ready()) {
            return HBM_NOT_READY;
        }
        boolean sourceOk = d.sourceIsHost() ? host.resolve(d.source, d.length) != null
                : hbm.memory().contains(d.source, d.length);
        boolean destinationOk = d.destinationIsHost() ? host.resolve(d.destination, d.length) != null
                : hbm.memory().contains(d.destination, d.length);
        return sourceOk && destinationOk ? 0 : ADDRESS_OUT_OF_RANGE;
    }

    private void copy(Descriptor d) {
        DeviceMemory memory = hbm.memory();
        if (d.sourceIsHost() && d.destinationIsHost()) {
            host.resolve(d.destination, d.length).put(host.resolve(d.source, d.length));
        } else if (d.sourceIsHost()) {
            memory.write(d.destination, host.resolve(d.source, d.length));
        } else if (d.destinationIsHost()) {
            ByteBuffer to = host.resolve(d.destination, d.length);
            memory.read(d.source, to);
        } else {
            memory.copy(d.source, d.destination, d.length);
        }
    }
}
