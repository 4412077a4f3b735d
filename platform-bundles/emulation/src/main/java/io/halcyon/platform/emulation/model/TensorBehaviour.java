package io.halcyon.platform.emulation.model;

import java.util.ArrayDeque;

import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.intc.InterruptSource;
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

    static final int BAD_OPCODE = 1;
    static final int ADDRESS_OUT_OF_RANGE = 2;
    static final int QUEUE_OVERFLOW = 3;
    static final int HBM_NOT_READY = 4;
    static final int BAD_DIMENSIONS = 5;

    private final ClkrstBehaviour clkrst;
    private final IntcBehaviour intc;
    private final HbmBehaviour hbm;
    private final TelemetryBehaviour telemetry;
    private final ArrayDeque<TensorCommand> queue = new ArrayDeque<>(QUEUE_ENTRIES);
    private boolean busy;

    private final FieldHandle go;
    private final FieldHandle opcode;
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

    TensorBehaviour(ModelClock clock, ClkrstBehaviour clkrst, IntcBehaviour intc, HbmBehaviour hbm,
            TelemetryBehaviour telemetry) {
        super("tensor", clock);
        this.clkrst = clkrst;
        this.intc = intc;
        this.hbm = hbm;
        this.telemetry = telemetry;
        go = field("SUBMIT.GO");
        opcode = field("CMD_OP.OPCODE");
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
        if (go.get() == 0 || !clkrst.running(ChipBlock.TENSOR)) {
            return;
        }
        if (queue.size() == QUEUE_ENTRIES) {
            fail(QUEUE_OVERFLOW);
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
            int problem = check(command);
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
        intc.raise(InterruptSource.TENSOR);
        setBusy(false);
        startNext();
        showQueue();
    }

    private int check(TensorCommand c) {
        if (!c.knownOpcode()) {
            return BAD_OPCODE;
        }
        if (!c.dimensionsValid()) {
            return BAD_DIMENSIONS;
        }
        if (c.opcode() == TensorCommand.NOP) {
            return 0;
        }
        if (!hbm.ready()) {
            return HBM_NOT_READY;
        }
        boolean inRange = operandFits(c.a(), c.aElements()) && operandFits(c.b(), c.bElements())
                && operandFits(c.c(), c.cElements());
        return inRange ? 0 : ADDRESS_OUT_OF_RANGE;
    }

    private boolean operandFits(long address, long elements) {
        return elements == 0 || address % 4 == 0 && hbm.memory().contains(address, elements * 4);
    }

    private void execute(TensorCommand c) {
        if (c.opcode() == TensorCommand.NOP) {
            return;
        }
        DeviceMemory memory = hbm.memory();
        // Operands are read whole before C is written, so C may alias A or B.
        float[] a = memory.readFloats(c.a(), (int) c.aElements());
        float[] b = memory.readFloats(c.b(), (int) c.bElements());
        float[] result = c.opcode() == TensorCommand.MATMUL
                ? TensorKernels.matmul(a, b, c.m(), c.n(), c.k(), c.transA(), c.transB())
                : TensorKernels.elementWise(c.opcode(), a, b, c.m(), c.n(), c.scalar());
        memory.writeFloats(c.c(), result);
    }

    private void fail(int code) {
        errorCode.set(code);
        error.hwSet();
        intc.raise(InterruptSource.TENSOR);
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
