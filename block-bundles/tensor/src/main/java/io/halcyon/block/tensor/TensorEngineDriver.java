package io.halcyon.block.tensor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.tensor.regs.Addr;
import io.halcyon.block.tensor.regs.CmdDims;
import io.halcyon.block.tensor.regs.CmdK;
import io.halcyon.block.tensor.regs.CmdOp;
import io.halcyon.block.tensor.regs.CmdScalar;
import io.halcyon.block.tensor.regs.DoneCount;
import io.halcyon.block.tensor.regs.ErrCode;
import io.halcyon.block.tensor.regs.IntStatus;
import io.halcyon.block.tensor.regs.OpcodeE;
import io.halcyon.block.tensor.regs.QueueStatus;
import io.halcyon.block.tensor.regs.Submit;
import io.halcyon.block.tensor.regs.Tensor;
import io.halcyon.block.tensor.regs.TensorConfig;
import io.halcyon.block.tensor.regs.TensorDriverBase;
import io.halcyon.block.tensor.regs.TensorErrorE;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.register.FieldCondition;
import io.halcyon.hal.api.register.RegisterBatch;
import io.halcyon.hal.api.tensor.Opcode;
import io.halcyon.hal.api.tensor.TensorCommand;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.tensor.TensorEngineStatus;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.tensor.regs.TensorMap;

/**
 * Stateless driver of the tensor engine. Tickets are values of the hardware's DONE_COUNT, so whoever
 * holds one (this driver, or a new version of it after a live update) waits for it by reading the
 * hardware alone.
 */
@ServesGenerations(block = TensorMap.BLOCK, value = {1, 2})
@Component(configurationPid = TensorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TensorConfig.class, factory = true)
public class TensorEngineDriver extends TensorDriverBase implements TensorEngine {

    /** A consistent snapshot needs DONE_COUNT to hold still for a few accesses; it always does unless the chip is broken. */
    static final int SNAPSHOT_ATTEMPTS = 8;

    @Activate
    public TensorEngineDriver(@Reference(name = "bus") RegisterBus bus, TensorConfig config) {
        super(bus, config);
    }

    /**
     * The ticket is DONE_COUNT + DEPTH + BUSY + the commands submitted now. DONE + DEPTH + BUSY counts
     * every command the engine ever accepted, and stays put while commands move on: starting one
     * takes DEPTH down as BUSY goes up, finishing one takes BUSY down (or starts the next) as DONE goes
     * up. That holds only for values of one instant, and two reads are two instants: a command
     * finishing between them would be counted twice or not at all. So the batch reads DONE_COUNT
     * before and after QUEUE_STATUS and is repeated when the two differ. The count also assumes this
     * driver is the engine's only submitter, as the one driver per chip is.
     */
    @Override
    public long submit(List<TensorCommand> commands, Duration bound) {
        List<TensorCommand> todo = List.copyOf(commands);
        Objects.requireNonNull(bound, "bound");
        for (int i = 0; i < todo.size(); i++) {
            checkAddresses(regs(), i, todo.get(i));
        }
        checkFeatures(todo);
        Snapshot now = snapshot();
        failIfError(now);
        int ticket = now.done().count() + now.queue().depth() + (now.queue().busy() ? 1 : 0);
        int free = now.queue().full() ? 0 : QUEUE_DEPTH - now.queue().depth();
        long remainingNanos = bound.toNanos();
        for (TensorCommand command : todo) {
            if (free <= 0) {
                // FULL drops when the engine takes a command and nobody else submits, so it stays 0
                // once reached: a polling platform cannot miss it.
                FieldCondition<QueueStatus> notFull = QueueStatus.FULL_FIELD.is(0);
                WaitResult space = regs().queueStatus().await(notFull, Duration.ofNanos(Math.max(1, remainingNanos)));
                remainingNanos -= space.deviceNanos();
                if (!space.met()) {
                    failIfError(snapshot());
                    throw new WaitTimeoutException(regs().queueStatus().path(), notFull.toString(), space);
                }
                free = QUEUE_DEPTH - QueueStatus.fromBits(space.lastValue()).depth();
            }
            stage(command);
            regs().submit().write(Submit.RESET.withGo(true));
            free--;
            ticket++;
        }
        return Integer.toUnsignedLong(ticket);
    }

    /** Staging registers are posted (no round trip each) and flushed so that GO finds them all written. */
    private void stage(TensorCommand c) {
        CmdOp op = CmdOp.RESET.withOpcode(OpcodeE.fromValue(c.opcode().code())).withTransA(c.transposeA())
                .withTransB(c.transposeB());
        Tensor regs = regs();
        regs.cmdOp().post(op);
        // The three operand registers are instances of addr_r: one value type, Addr.
        regs.cmdA().post(Addr.RESET.withAddr(c.a()));
        regs.cmdB().post(Addr.RESET.withAddr(c.b()));
        regs.cmdC().post(Addr.RESET.withAddr(c.c()));
        regs.cmdDims().post(CmdDims.RESET.withM(c.m()).withN(c.n()));
        regs.cmdK().post(CmdK.RESET.withK(c.k()));
        regs.cmdScalar().post(CmdScalar.RESET.withValue(Float.floatToRawIntBits(c.scalar())));
        regs.flush();
    }

    /**
     * Before anything is staged: an operation this engine lacks fails here, naming the feature bit, rather
     * than as BAD_OPCODE after the commands before it ran. The engine says what it has (FEATURES, a
     * per-chip constant), so nothing here asks which generation the chip is.
     */
    private void checkFeatures(List<TensorCommand> todo) {
        for (int i = 0; i < todo.size(); i++) {
            if (todo.get(i).opcode() == Opcode.MATMUL_BF16 && !regs().features().read().bf16Matmul()) {
                throw new UnsupportedOperationException(String.format("%s: command %d is MATMUL_BF16, which this engine"
                        + " lacks (%s.BF16_MATMUL reads 0)", blockName(), i, regs().features().path()));
            }
        }
    }

    /** Before anything is staged: an operand address the engine would reject fails here, naming its register. */
    private static void checkAddresses(Tensor regs, int index, TensorCommand c) {
        Objects.requireNonNull(c, "command");
        checkAddress(regs.cmdA().path(), c.a(), index, c);
        checkAddress(regs.cmdB().path(), c.b(), index, c);
        checkAddress(regs.cmdC().path(), c.c(), index, c);
    }

    private static void checkAddress(String register, long address, int index, TensorCommand c) {
        if (address < 0 || address % 4 != 0) {
            throw new IllegalArgumentException(String.format(
                    "%s.ADDR: address 0x%x of command %d (%s) is not a 4-byte aligned HBM address", register, address,
                    index, c.opcode()));
        }
    }

    /**
     * DONE_COUNT is awaited for equality, so a count that has already passed the ticket is recognised
     * first (and again after a wait that ended without seeing the exact value, which a platform that
     * polls can skip over). "Passed" is judged on the 32-bit circle: within half of it ahead.
     */
    @Override
    public void await(long ticket, Duration bound) {
        if (ticket < 0 || ticket > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format("%s: ticket 0x%x is not a 32-bit count",
                    regs().doneCount().path(), ticket));
        }
        Objects.requireNonNull(bound, "bound");
        int target = (int) ticket;
        Tensor regs = regs();
        RegisterBatch before = regs.batch();
        RegisterBatch.Reading<DoneCount> doneBefore = before.add(regs.doneCount());
        Errors errors = new Errors(before, regs);
        before.read();
        errors.failIfAny();
        if (reached(doneBefore.value().count(), target)) {
            return;
        }
        FieldCondition<DoneCount> finished = DoneCount.COUNT_FIELD.is(ticket);
        WaitResult done = regs.doneCount().await(finished, bound);
        RegisterBatch after = regs.batch();
        errors = new Errors(after, regs);
        after.read();
        errors.failIfAny();
        if (!done.met() && !reached(done.lastValue(), target)) {
            throw new WaitTimeoutException(regs.doneCount().path(), finished.toString(), done);
        }
    }

    /** INT_STATUS and ERR_CODE, added to a batch: what tells a failed command. */
    private static final class Errors {
        final RegisterBatch.Reading<IntStatus> interrupts;
        final RegisterBatch.Reading<ErrCode> code;

        Errors(RegisterBatch batch, Tensor regs) {
            interrupts = batch.add(regs.intStatus());
            code = batch.add(regs.errCode());
        }

        void failIfAny() {
            failIfError(interrupts.value(), code.value(), code.register().path());
        }
    }

    private static boolean reached(int doneCount, int target) {
        return doneCount - target >= 0;
    }

    @Override
    public TensorEngineStatus status() {
        Snapshot now = snapshot();
        return new TensorEngineStatus(now.queue().depth(), now.queue().busy(), Integer.toUnsignedLong(now.done().count()),
                now.interrupts().error(), now.error().codeBits());
    }

    @Override
    public long busyCycles() {
        return regs().cycles().read().cycles();
    }

    /** The engine's state at one instant; see {@link #submit} for why DONE_COUNT is read twice. */
    private record Snapshot(DoneCount done, QueueStatus queue, IntStatus interrupts, ErrCode error, String errorPath) {}

    private Snapshot snapshot() {
        Tensor regs = regs();
        RegisterBatch batch = regs.batch();
        RegisterBatch.Reading<DoneCount> doneFirst = batch.add(regs.doneCount());
        RegisterBatch.Reading<QueueStatus> queue = batch.add(regs.queueStatus());
        Errors errors = new Errors(batch, regs);
        RegisterBatch.Reading<DoneCount> doneLast = batch.add(regs.doneCount());
        for (int attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
            batch.read();
            if (doneFirst.value().equals(doneLast.value())) {
                return new Snapshot(doneFirst.value(), queue.value(), errors.interrupts.value(), errors.code.value(),
                        errors.code.register().path());
            }
        }
        throw new IllegalStateException(String.format(
                "%s changed within each of %d back-to-back batch reads (last 0x%08x then 0x%08x)",
                regs.doneCount().path(), SNAPSHOT_ATTEMPTS, doneFirst.value().bits(), doneLast.value().bits()));
    }

    private static void failIfError(Snapshot now) {
        failIfError(now.interrupts(), now.error(), now.errorPath());
    }

    private static void failIfError(IntStatus interrupts, ErrCode error, String errorPath) {
        if (interrupts.error()) {
            TensorErrorE code = error.code();
            throw new IllegalStateException(String.format("tensor engine reports an error: %s=%d (%s)", errorPath,
                    error.codeBits(), code == null ? "undefined" : code.description()));
        }
    }
}
