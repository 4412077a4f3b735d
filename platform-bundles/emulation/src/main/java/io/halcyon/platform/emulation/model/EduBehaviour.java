package io.halcyon.platform.emulation.model;

import java.nio.ByteBuffer;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * QEMU's edu device (QEMU's docs/specs/edu.rst), so that the edu driver and its register tests run on the
 * emulation as on the real device: the liveness register reads the inverse of what was written; a
 * factorial takes {@link #FACTORIAL_NANOS} of device time with STATUS.COMPUTING set (a write meanwhile is
 * ignored) and raises interrupt 0x1 when asked; INTR_RAISE ORs into and INTR_ACK clears from
 * INTR_STATUS; a DMA with START set copies between host memory and the device's 4 KiB buffer (at 0x40000
 * of its DMA space) in {@link #DMA_NANOS}, clears START and raises 0x100 when asked. A transfer outside the
 * buffer, which makes QEMU abort, is dropped here.
 */
public final class EduBehaviour extends BlockBehaviour {

    public static final long FACTORIAL_NANOS = 1_000;
    public static final long DMA_NANOS = 10_000;
    static final long BUFFER_ADDRESS = 0x40000;
    static final int BUFFER_BYTES = 4096;
    static final int FACTORIAL_IRQ = 0x1;
    static final int DMA_IRQ = 0x100;

    private final HostAddressSpace host;
    private final FieldHandle liveness = field("LIVENESS.VALUE");
    private final FieldHandle factorial = field("FACTORIAL.VALUE");
    private final FieldHandle computing = field("STATUS.COMPUTING");
    private final FieldHandle irqOnFactorial = field("STATUS.IRQ_ON_FACTORIAL");
    private final FieldHandle pending = field("INTR_STATUS.PENDING");
    private final FieldHandle source = field("DMA_SOURCE.ADDRESS");
    private final FieldHandle destination = field("DMA_DESTINATION.ADDRESS");
    private final FieldHandle count = field("DMA_COUNT.BYTES");
    private final FieldHandle start = field("DMA_COMMAND.START");
    private final FieldHandle toHost = field("DMA_COMMAND.TO_HOST");
    private final FieldHandle irqWhenDone = field("DMA_COMMAND.IRQ_WHEN_DONE");
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    /** The factorial operand or result software sees, to put back when a write lands while the unit computes. */
    private long factorialShown;

    EduBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.host = chip.hostMemory();
        register("LIVENESS").onWrite((data, mask) -> liveness.set(~data & 0xFFFF_FFFFL));
        register("FACTORIAL").onWrite((data, mask) -> factorialWritten(data));
        register("INTR_RAISE").onWrite((data, mask) -> pending.set(pending.get() | data));
        register("INTR_ACK").onWrite((data, mask) -> pending.set(pending.get() & ~data));
        register("DMA_COMMAND").onWrite((data, mask) -> dmaCommanded());
    }

    private void factorialWritten(long n) {
        if (computing.get() == 1) {
            factorial.set(factorialShown);
            return;
        }
        factorialShown = n;
        computing.set(1);
        after(FACTORIAL_NANOS, () -> {
            int result = 1;
            for (long i = 2; i <= n; i++) {
                result *= (int) i; // 32 bits, wrapping, as the device computes
            }
            factorialShown = Integer.toUnsignedLong(result);
            factorial.set(factorialShown);
            computing.set(0);
            if (irqOnFactorial.get() == 1) {
                pending.set(pending.get() | FACTORIAL_IRQ);
            }
        });
    }

    private void dmaCommanded() {
        if (start.get() == 0) {
            return;
        }
        after(DMA_NANOS, () -> {
            boolean out = toHost.get() == 1;
            long bytes = count.get();
            long inBuffer = (out ? source.get() : destination.get()) - BUFFER_ADDRESS;
            ByteBuffer hostSide = host.resolve(out ? destination.get() : source.get(), bytes);
            if (inBuffer >= 0 && bytes <= BUFFER_BYTES - inBuffer && hostSide != null) {
                ByteBuffer device = buffer.duplicate().position((int) inBuffer).limit((int) (inBuffer + bytes));
                if (out) {
                    hostSide.put(device);
                } else {
                    device.put(hostSide);
                }
            }
            start.set(0);
            if (irqWhenDone.get() == 1) {
                pending.set(pending.get() | DMA_IRQ);
            }
        });
    }

    @Override
    protected void resetBehaviour() {
        factorialShown = 0;
        buffer.clear();
        buffer.put(new byte[BUFFER_BYTES]).clear();
    }
}
