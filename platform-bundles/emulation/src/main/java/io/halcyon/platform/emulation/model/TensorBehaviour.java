package io.halcyon.platform.emulation.model;

import java.util.ArrayDeque;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * The tensor engine. SUBMIT.GO (block out of reset and clocked) queues the staged CMD_* registers, up
 * to {@link #QUEUE_ENTRIES}; the engine runs queued commands one at a time on HBM, each taking the
 * device time {@link TensorCommand#nanos()} says, and writes C when it completes. A command that
 * cannot run is dropped with ERROR and ERR_CODE; QUEUE_STATUS always shows the queue as it is. The
 * telemetry block is told when the engine starts and stops, since its heat follows the engine's work.
 */
public final class TensorBehaviour extends BlockBehaviour {

    public static final int QUEUE_ENTRIES = 16;
    public static final long COMMAND_OVERHEAD_NANOS = 50;

    /** Error codes, as the description's encoding of ERR_CODE.CODE numbers them. */
    private final long badOpcode;
    private final long addressOutOfRange;
    private final long queueOverflow;
    private final long hbmNotReady;
    private final long badDimensions;

    private final BlockGate gate;
    private final InterruptLine interrupt;
    private final HbmBehaviour hbm;
    private final TelemetryBehaviour telemetry;
    private final ArrayDeque<TensorCommand> queue = new ArrayDeque<>(QUEUE_ENTRIES);
    private boolean busy;

    private final FieldHandle go;
    private final FieldHandle opcode;
    /** The engine decodes MATMUL_BF16 only when this per-chip constant is 1 (generation 2's chip map sets it). */
    private final FieldHandle bf16;
    private final FieldHandle transA;
    private final FieldHandle transB;
    private final FieldHandle addressA;
    private final FieldHandle addressB;
    private final FieldHandle addressC;
    private final FieldHandle m;
    private final FieldHandle n;
    private final FieldHandle k;
    private final FieldHandle scalar;
    private final FieldHandle depth;
    private final FieldHandle full;
    private final FieldHandle busyStatus;
    private final FieldHandle doneCount;
    private final FieldHandle done;
    private final FieldHandle error;
    private final FieldHandle errorCode;
    private final FieldHandle cycles;

    TensorBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.gate = chip.peer(ClkrstBehaviour.class, block).gate(block.name());
        this.interrupt = chip.peer(IntcBehaviour.class, block).line(block.name());
        this.hbm = chip.peer(HbmBehaviour.class, block);
        this.telemetry = chip.peer(TelemetryBehaviour.class, block);
        badOpcode = code("ERR_CODE.CODE", "BAD_OPCODE");
        addressOutOfRange = code("ERR_CODE.CODE", "ADDRESS_RANGE");
        queueOverflow = code("ERR_CODE.CODE", "QUEUE_OVERFLOW");
        hbmNotReady = code("ERR_CODE.CODE", "HBM_NOT_READY");
        badDimensions = code("ERR_CODE.CODE", "BAD_DIMENSIONS");
        go = field("SUBMIT.GO");
        opcode = field("CMD_OP.OPCODE");
        bf16 = field("FEATURES.BF16_MATMUL");
        transA = field("CMD_OP.TRANS_A");
        transB = field("CMD_OP.TRANS_B");
        addressA = field("CMD_A.ADDR");
        addressB = field("CMD_B.ADDR");
        addressC = field("CMD_C.ADDR");
        m = field("CMD_DIMS.M");
        n = field("CMD_DIMS.N");
        k = field("CMD_K.K");
        scalar = field("CMD_SCALAR.VALUE");
        depth = field("QUEUE_STATUS.DEPTH");
        full = field("QUEUE_STATUS.FULL");
        busyStatus = field("QUEUE_STATUS.BUSY");
        doneCount = field("DONE_COUNT.COUNT");
        done = field("INT_STATUS.DONE");
        error = field("INT_STATUS.ERROR");
        errorCode = field("ERR_CODE.CODE");
        cycles = field("CYCLES.CYCLES");
        register("SUBMIT").onWrite((data, mask) -> submitWritten());
    }

    @Override
    protected void resetBehaviour() {
        queue.clear();
        setBusy(false);
    }

    private void submitWritten() {
        if (go.get() == 0 || !gate.running()) {
            return;
        }
        if (queue.size() == QUEUE_ENTRIES) {
            fail(queueOverflow);
            return;
        }
        queue.add(staged());
        startNext();
        showQueue();
    }

    private TensorCommand staged() {
        return new TensorCommand((int) opcode.get(), transA.get() == 1, transB.get() == 1, addressA.get(),
                addressB.get(), addressC.get(), (int) m.get(), (int) n.get(), (int) k.get(),
                Float.intBitsToFloat((int) scalar.get()));
    }

    private void startNext() {
        while (!busy && !queue.isEmpty()) {
            TensorCommand command = queue.poll();
            long problem = check(command);
            if (problem != 0) {
                fail(problem);
                continue;
            }
            setBusy(true);
            after(command.nanos(), () -> complete(command));
        }
    }

    private void complete(TensorCommand command) {
        execute(command);
        cycles.increment(command.nanos()); // the engine clock is 1 GHz: one cycle per nanosecond
        doneCount.increment(1);
        done.hwSet();
        interrupt.raise();
        setBusy(false);
        startNext();
        showQueue();
    }

    /** The error code of what keeps the command from running; 0 when nothing does. */
    private long check(TensorCommand c) {
        if (!c.knownOpcode() || c.opcode() == TensorCommand.MATMUL_BF16 && bf16.get() == 0) {
            return badOpcode;
        }
        if (!c.dimensionsValid()) {
            return badDimensions;
        }
        if (c.opcode() == TensorCommand.NOP) {
            return 0;
        }
        if (!hbm.ready()) {
            return hbmNotReady;
        }
        boolean inRange = operandFits(c.a(), c.aElements() * c.operandBytes())
                && operandFits(c.b(), c.bElements() * c.operandBytes()) && operandFits(c.c(), c.cElements() * 4);
        return inRange ? 0 : addressOutOfRange;
    }

    private boolean operandFits(long address, long bytes) {
        return bytes == 0 || address % 4 == 0 && hbm.memory().contains(address, bytes);
    }

    private void execute(TensorCommand c) {
        if (c.opcode() == TensorCommand.NOP) {
            return;
        }
        DeviceMemory memory = hbm.memory();
        // Operands are read whole before C is written, so C may alias A or B.
        float[] a = operand(memory, c, c.a(), c.aElements());
        float[] b = operand(memory, c, c.b(), c.bElements());
        // bfloat16 widens to fp32 exactly, and a product of two bfloat16 values (8-bit significands) is exact
        // in fp32: MATMUL_BF16 is then MATMUL's loop, with MATMUL's order and rounding of the sums.
        float[] result = c.multipliesMatrices()
                ? TensorKernels.matmul(a, b, c.m(), c.n(), c.k(), c.transA(), c.transB())
                : TensorKernels.elementWise(c.opcode(), a, b, c.m(), c.n(), c.scalar());
        memory.writeFloats(c.c(), result);
    }

    private static float[] operand(DeviceMemory memory, TensorCommand c, long address, long elements) {
        return c.operandBytes() == 2 ? memory.readBf16(address, (int) elements) : memory.readFloats(address, (int) elements);
    }

    private void fail(long code) {
        errorCode.set(code);
        error.hwSet();
        interrupt.raise();
    }

    private void setBusy(boolean now) {
        if (busy != now) {
            busy = now;
            telemetry.engineBusy(now);
        }
        busyStatus.set(now);
    }

    private void showQueue() {
        depth.set(queue.size());
        full.set(queue.size() == QUEUE_ENTRIES);
    }
}
