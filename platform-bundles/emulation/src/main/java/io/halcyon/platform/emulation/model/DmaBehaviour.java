package io.halcyon.platform.emulation.model;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import io.halcyon.platform.emulation.regfile.FieldHandle;
import io.halcyon.platform.emulation.regfile.Memory;

/**
 * The DMA engine. A write to a channel's TAIL (the doorbell; the block out of reset and clocked) makes
 * the channel work through its ring from HEAD to TAIL, one descriptor at a time: each takes
 * length/16 ns + {@link #DESCRIPTOR_OVERHEAD_NANOS} of device time, after which its bytes are copied,
 * HEAD advances (modulo the ring's descriptors), BYTES_MOVED counts them, and with the IRQ flag DONE is
 * set (and the DMA interrupt fires when enabled). A failing descriptor stops the channel at HEAD with
 * ERROR and ERR_INFO; the next doorbell retries it.
 *
 * <p>Channel {@code n} is the register file {@code CH[n]} with its ring memory {@code RING[n]}; a
 * descriptor is one record of the ring's virtual registers, decoded by the description's layout, and
 * error codes are the description's encoding of ERR_INFO.CODE.
 */
public final class DmaBehaviour extends BlockBehaviour {

    public static final long DESCRIPTOR_OVERHEAD_NANOS = 100;
    public static final long BYTES_PER_NANO = 16;

    /** Error codes, as the description's encoding of ERR_INFO.CODE numbers them. */
    private final long addressOutOfRange;
    private final long lengthNotMultipleOf4;
    private final long hbmNotReady;
    private final long disabled;

    private final BlockGate gate;
    private final InterruptLine interrupt;
    private final HbmBehaviour hbm;
    private final HostAddressSpace host;
    private final FieldHandle enable;
    private final FieldHandle bytesMoved;
    private final DescriptorLayout layout;
    private final List<Channel> channels = new ArrayList<>();

    DmaBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.gate = chip.peer(ClkrstBehaviour.class, block).gate(block.name());
        this.interrupt = chip.peer(IntcBehaviour.class, block).line(block.name());
        this.hbm = chip.peer(HbmBehaviour.class, block);
        this.host = chip.hostMemory();
        enable = field("CTRL.ENABLE");
        bytesMoved = field("BYTES_MOVED.BYTES");
        addressOutOfRange = code("CH[0].ERR_INFO.CODE", "ADDRESS_RANGE");
        lengthNotMultipleOf4 = code("CH[0].ERR_INFO.CODE", "LENGTH_ALIGNMENT");
        hbmNotReady = code("CH[0].ERR_INFO.CODE", "HBM_NOT_READY");
        disabled = code("CH[0].ERR_INFO.CODE", "DISABLED");
        layout = new DescriptorLayout(block.type().requireMemory("RING[0]").requireRecords());
        for (int n = 0; block.type().register("CH[" + n + "].TAIL").isPresent(); n++) {
            channels.add(new Channel(n));
        }
    }

    @Override
    protected void resetBehaviour() {
        for (Channel c : channels) {
            c.working = false;
        }
    }

    /** Where a descriptor's parts sit in one record of a ring, from the ring's virtual registers. */
    private static final class DescriptorLayout {
        final long descriptors;
        final long recordBytes;
        final RegisterSpec source;
        final RegisterSpec destination;
        final RegisterSpec control;
        final FieldSpec sourceAddress;
        final FieldSpec destinationAddress;
        final FieldSpec length;
        final FieldSpec sourceHost;
        final FieldSpec destinationHost;
        final FieldSpec irq;

        DescriptorLayout(MemorySpec.RecordLayout records) {
            descriptors = records.count();
            recordBytes = records.stride();
            source = records.register("DESC_SOURCE");
            destination = records.register("DESC_DESTINATION");
            control = records.register("DESC_CONTROL");
            sourceAddress = source.field("ADDR");
            destinationAddress = destination.field("ADDR");
            length = control.field("LENGTH");
            sourceHost = control.field("SOURCE_HOST");
            destinationHost = control.field("DESTINATION_HOST");
            irq = control.field("IRQ");
        }

        Descriptor read(Memory ring, int index) {
            long at = index * recordBytes;
            long controlWord = word(ring, at, control);
            return new Descriptor(index, sourceAddress.extract(word(ring, at, source)),
                    destinationAddress.extract(word(ring, at, destination)), length.extract(controlWord),
                    sourceHost.extract(controlWord) == 1, destinationHost.extract(controlWord) == 1, irq.extract(controlWord) == 1);
        }

        private static long word(Memory ring, long record, RegisterSpec register) {
            return ring.read(record + register.offset(), register.bytes());
        }
    }

    private record Descriptor(int index, long source, long destination, long length, boolean sourceIsHost,
            boolean destinationIsHost, boolean interrupt) {
        long nanos() {
            return length / BYTES_PER_NANO + DESCRIPTOR_OVERHEAD_NANOS;
        }
    }

    private final class Channel {
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
            String name = "CH[" + n + "]";
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
            if (!working && gate.running()) {
                startNext();
            }
        }

        void startNext() {
            working = false;
            if (head.get() == tail.get()) {
                return;
            }
            Descriptor d = layout.read(ring, (int) head.get());
            long problem = enable.get() == 0 ? disabled : check(d);
            if (problem != 0) {
                fail(d.index, problem);
                return;
            }
            working = true;
            after(d.nanos(), () -> finish(d));
        }

        void finish(Descriptor d) {
            // Host buffers can be closed while the copy is under way: resolve again at the end.
            long problem = check(d);
            if (problem != 0) {
                fail(d.index, problem);
                return;
            }
            copy(d);
            head.set((head.get() + 1) % layout.descriptors);
            bytesMoved.increment(d.length);
            if (d.interrupt) {
                done.hwSet();
                if (doneEnabled.get() == 1) {
                    interrupt.raise();
                }
            }
            startNext();
        }

        void fail(int index, long code) {
            working = false;
            errorCode.set(code);
            errorDescriptor.set(index);
            error.hwSet();
            if (errorEnabled.get() == 1) {
                interrupt.raise();
            }
        }
    }

    /** The error code of what keeps the descriptor from completing; 0 when nothing does. */
    private long check(Descriptor d) {
        if (d.length % 4 != 0) {
            return lengthNotMultipleOf4;
        }
        if ((!d.sourceIsHost || !d.destinationIsHost) && !hbm.ready()) {
            return hbmNotReady;
        }
        boolean sourceOk = d.sourceIsHost ? host.resolve(d.source, d.length) != null
                : hbm.memory().contains(d.source, d.length);
        boolean destinationOk = d.destinationIsHost ? host.resolve(d.destination, d.length) != null
                : hbm.memory().contains(d.destination, d.length);
        return sourceOk && destinationOk ? 0 : addressOutOfRange;
    }

    private void copy(Descriptor d) {
        DeviceMemory memory = hbm.memory();
        if (d.sourceIsHost && d.destinationIsHost) {
            host.resolve(d.destination, d.length).put(host.resolve(d.source, d.length));
        } else if (d.sourceIsHost) {
            memory.write(d.destination, host.resolve(d.source, d.length));
        } else if (d.destinationIsHost) {
            ByteBuffer to = host.resolve(d.destination, d.length);
            memory.read(d.source, to);
        } else {
            memory.copy(d.source, d.destination, d.length);
        }
    }
}
