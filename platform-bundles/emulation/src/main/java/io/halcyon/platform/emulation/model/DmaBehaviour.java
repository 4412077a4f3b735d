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
 * The DMA engine, of either programming model ({@link Doorbell}). A doorbell (the block out of reset and clocked) makes
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
    private final Doorbell doorbell;

    private final BlockGate gate;
    private final InterruptLine interrupt;
    private final HbmBehaviour hbm;
    private final HostAddressSpace host;
    private final FieldHandle enable;
    private final FieldHandle bytesMoved;
    private final DescriptorLayout layout;
    private final List<Channel> channels = new ArrayList<>();

    /**
     * How software tells a channel that descriptors wait: the part of the programming model that differs
     * between the DMA block types, chosen where behaviours are attached to types ({@link BlockBehaviours}).
     */
    enum Doorbell {
        /** Type dma (generation 1): software writes TAIL itself; any write to it is the doorbell. */
        TAIL_WRITE {
            @Override
            void wire(DmaBehaviour dma, Channel c, String channel) {
                dma.register(channel + ".TAIL").onWrite((data, mask) -> c.doorbell());
            }
        },
        /**
         * Type dma2 (generation 2): software writes how many descriptors it posted at TAIL to
         * DOORBELL.COUNT and hardware adds that to TAIL; more than the ring's free slots stops the channel
         * with RING_OVERFLOW, TAIL unchanged.
         */
        COUNT {
            @Override
            void wire(DmaBehaviour dma, Channel c, String channel) {
                FieldSpec count = dma.block().type().requireRegister(channel + ".DOORBELL").field("COUNT");
                long overflow = dma.code(channel + ".ERR_INFO.CODE", "RING_OVERFLOW");
                dma.register(channel + ".DOORBELL").onWrite((data, mask) -> {
                    long n = count.extract(data);
                    long slots = dma.layout.descriptors;
                    long free = slots - 1 - Math.floorMod(c.tail.get() - c.head.get(), slots);
                    if (n > free) {
                        c.fail((int) c.tail.get(), overflow);
                        return;
                    }
                    c.tail.set((c.tail.get() + n) % slots);
                    c.doorbell();
                });
            }
        };

        abstract void wire(DmaBehaviour dma, Channel c, String channel);
    }

    /** A generation-1 DMA engine (type dma). */
    DmaBehaviour(BlockInstance block, ChipParts chip) {
        this(block, chip, Doorbell.TAIL_WRITE);
    }

    /** A generation-2 DMA engine (type dma2). */
    static DmaBehaviour countingDoorbell(BlockInstance block, ChipParts chip) {
        return new DmaBehaviour(block, chip, Doorbell.COUNT);
    }

    private DmaBehaviour(BlockInstance block, ChipParts chip, Doorbell doorbell) {
        super(block, chip.clock());
        this.doorbell = doorbell;
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

    /**
     * Where a descriptor's parts sit in one record of a ring, from the ring's virtual registers. Each part
     * is found by its field's name in whichever record register holds it: generation 1 keeps LENGTH and
     * the flags in one word (DESC_CONTROL), generation 2 gives LENGTH a 64-bit word of its own.
     */
    private static final class DescriptorLayout {
        final long descriptors;
        final long recordBytes;
        final Part sourceAddress;
        final Part destinationAddress;
        final Part length;
        final Part sourceHost;
        final Part destinationHost;
        final Part irq;

        /** One field of the record and the register that holds it. */
        private record Part(RegisterSpec register, FieldSpec field) {
            long read(Memory ring, long record) {
                return field.extract(ring.read(record + register.offset(), register.bytes()));
            }
        }

        DescriptorLayout(MemorySpec.RecordLayout records) {
            descriptors = records.count();
            recordBytes = records.stride();
            sourceAddress = part(records, "DESC_SOURCE", "ADDR");
            destinationAddress = part(records, "DESC_DESTINATION", "ADDR");
            length = part(records, null, "LENGTH");
            sourceHost = part(records, null, "SOURCE_HOST");
            destinationHost = part(records, null, "DESTINATION_HOST");
            irq = part(records, null, "IRQ");
        }

        /** The field {@code field} of register {@code register}, or of the one record register that has it. */
        private static Part part(MemorySpec.RecordLayout records, String register, String field) {
            if (register != null) {
                RegisterSpec r = records.register(register);
                return new Part(r, r.field(field));
            }
            List<RegisterSpec> holding = records.registers().stream()
                    .filter(r -> r.fields().stream().anyMatch(f -> f.name().equals(field))).toList();
            if (holding.size() != 1) {
                throw new IllegalArgumentException("descriptor record: " + holding.size() + " registers have a field " + field
                        + ", the DMA model needs exactly one");
            }
            return new Part(holding.get(0), holding.get(0).field(field));
        }

        Descriptor read(Memory ring, int index) {
            long at = index * recordBytes;
            return new Descriptor(index, sourceAddress.read(ring, at), destinationAddress.read(ring, at),
                    length.read(ring, at), sourceHost.read(ring, at) == 1, destinationHost.read(ring, at) == 1,
                    irq.read(ring, at) == 1);
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
            doorbell.wire(DmaBehaviour.this, this, name);
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
