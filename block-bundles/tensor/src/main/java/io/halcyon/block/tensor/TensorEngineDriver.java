package io.halcyon.block.tensor;

import io.halcyon.block.tensor.regs.TensorConfig;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.tensor.regs.CmdA;
import io.halcyon.block.tensor.regs.CmdB;
import io.halcyon.block.tensor.regs.CmdC;
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
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.tensor.TensorCommand;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.tensor.TensorEngineStatus;

/**
 * Stateless driver of the tensor engine. Tickets are values of the hardware's DONE_COUNT, so whoever
 * holds one (this driver, or a new version of it after a live update) waits for it by reading the
 * hardware alone.
 */
@Component(configurationPid = TensorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TensorConfig.class, factory = true)
public class TensorEngineDriver implements TensorEngine {

    private static final String[] ERROR_CODES = {"none", "bad opcode", "address out of range", "queue overflow",
        "HBM not ready", "bad dimensions"};
    /** A consistent snapshot needs DONE_COUNT to hold still for a few accesses; it always does unless the chip is broken. */
    static final int SNAPSHOT_ATTEMPTS = 8;

    private final RegisterBus bus;
    private final long base;

    @Activate
    public TensorEngineDriver(@Reference(name = "bus") RegisterBus bus, TensorConfig config) {
        this.bus = bus;
        this.base = config.base_address();
    }

    /**
     * The block's registers, made on use from the bus and base held here: the JIT removes the accessor,
     * so an access costs what hand-written mask-and-shift code costs (a held accessor adds a dependent load).
     */
    private Tensor regs() {
        return new Tensor(bus, base);
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
            checkAddresses(i, todo.get(i));
        }
        Snapshot now = snapshot();
        failIfError(now);
        int ticket = now.done().count() + now.queue().depth() + (now.queue().busy() ? 1 : 0);
        int free = now.queue().full() ? 0 : QUEUE_DEPTH - now.queue().depth();
        long remainingNanos = bound.toNanos();
        for (TensorCommand command : todo) {
            if (free <= 0) {
                // FULL drops when the engine takes a command and nobody else submits, so it stays 0
                // once reached: a polling platform cannot miss it.
                WaitResult space = bus.await(regs().queueStatus().address(), QueueStatus.FULL_MASK, 0,
                        Duration.ofNanos(Math.max(1, remainingNanos)));
                remainingNanos -= space.deviceNanos();
                if (!space.met()) {
                    failIfError(snapshot());
                    throw new WaitTimeoutException("tensor.QUEUE_STATUS", "FULL == 0", space);
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
        bus.post32(regs().cmdOp().address(), op.bits());
        bus.post64(regs().cmdA().address(), CmdA.RESET.withAddr(c.a()).bits());
        bus.post64(regs().cmdB().address(), CmdB.RESET.withAddr(c.b()).bits());
        bus.post64(regs().cmdC().address(), CmdC.RESET.withAddr(c.c()).bits());
        bus.post32(regs().cmdDims().address(), CmdDims.RESET.withM(c.m()).withN(c.n()).bits());
        bus.post32(regs().cmdK().address(), CmdK.RESET.withK(c.k()).bits());
        bus.post32(regs().cmdScalar().address(), CmdScalar.RESET.withValue(Float.floatToRawIntBits(c.scalar())).bits());
        bus.flush();
    }

    private static void checkAddresses(int index, TensorCommand c) {
        Objects.requireNonNull(c, "command");
        long[] addresses = {c.a(), c.b(), c.c()};
        String[] names = {"CMD_A", "CMD_B", "CMD_C"};
        for (int i = 0; i < addresses.length; i++) {
            if (addresses[i] < 0 || addresses[i] % 4 != 0) {
                throw new IllegalArgumentException(String.format(
                        "tensor.%s: address 0x%x of command %d (%s) is not a 4-byte aligned HBM address",
                        names[i], addresses[i], index, c.opcode()));
            }
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
            throw new IllegalArgumentException(String.format("tensor.DONE_COUNT: ticket 0x%x is not a 32-bit count", ticket));
        }
        Objects.requireNonNull(bound, "bound");
        int target = (int) ticket;
        int[] before = bus.read32(new long[] {regs().doneCount().address(), regs().intStatus().address(), regs().errCode().address()});
        failIfError(IntStatus.fromBits(before[1]), ErrCode.fromBits(before[2]));
        if (reached(before[0], target)) {
            return;
        }
        WaitResult done = bus.await(regs().doneCount().address(), DoneCount.COUNT_MASK, target, bound);
        int[] after = bus.read32(new long[] {regs().intStatus().address(), regs().errCode().address()});
        failIfError(IntStatus.fromBits(after[0]), ErrCode.fromBits(after[1]));
        if (!done.met() && !reached(done.lastValue(), target)) {
            throw new WaitTimeoutException("tensor.DONE_COUNT", "COUNT == " + ticket, done);
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
    private record Snapshot(DoneCount done, QueueStatus queue, IntStatus interrupts, ErrCode error) {}

    private Snapshot snapshot() {
        long[] addresses = {regs().doneCount().address(), regs().queueStatus().address(), regs().intStatus().address(),
            regs().errCode().address(), regs().doneCount().address()};
        int[] raw = null;
        for (int attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
            raw = bus.read32(addresses);
            if (raw[0] == raw[4]) {
                return new Snapshot(DoneCount.fromBits(raw[0]), QueueStatus.fromBits(raw[1]), IntStatus.fromBits(raw[2]),
                        ErrCode.fromBits(raw[3]));
            }
        }
        throw new IllegalStateException(String.format(
                "tensor.DONE_COUNT changed within each of %d back-to-back batch reads (last 0x%08x then 0x%08x)",
                SNAPSHOT_ATTEMPTS, raw[0], raw[4]));
    }

    private static void failIfError(Snapshot now) {
        failIfError(now.interrupts(), now.error());
    }

    private static void failIfError(IntStatus interrupts, ErrCode error) {
        if (interrupts.error()) {
            int code = error.codeBits();
            throw new IllegalStateException(String.format("tensor engine reports an error: tensor.ERR_CODE=%d (%s)", code,
                    code < ERROR_CODES.length ? ERROR_CODES[code] : "undefined"));
        }
    }
}
