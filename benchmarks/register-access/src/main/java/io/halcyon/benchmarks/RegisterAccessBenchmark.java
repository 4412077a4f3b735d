package io.halcyon.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.halcyon.benchmarks.regs.Bench;
import io.halcyon.benchmarks.regs.Ctrl;
import io.halcyon.benchmarks.regs.CtrlRegister;
import io.halcyon.hal.api.bus.RegisterBus;

/**
 * Generated typed access against the mask-and-shift code a driver author would write by hand, on
 * the same bus, in one run: read a field, write two fields, modify one field (keeping W1C/W1S bits
 * neutral, as both versions must), post two fields, wait for a field value (a typed condition against
 * a mask and an expected value). The field value changes every call so nothing folds away.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RegisterAccessBenchmark {

    private static final long BASE = 0x100;
    private static final long CTRL = 0x40;
    private static final int DIV_SHIFT = 4;
    private static final int DIV_MASK = 0xf0;
    private static final int EN = 0x1;
    private static final int W1_BITS = 0x300;
    private static final Duration BOUND = Duration.ofNanos(1_000);

    private final RegisterBus bus = new MemoryBus();
    // A driver's base address is configuration (DS config), so hand-written code reads it from a field
    // too; a compile-time constant would give the hand-written side an advantage no driver has.
    private final long base = BASE;
    private final CtrlRegister ctrl = regs().ctrl();

    /**
     * The typed side does what the block drivers do: hold the bus and the base address and make the
     * block accessor on use, which the JIT removes (a block accessor held in a field would cost one
     * more dependent load per access; typedReadHeldAccessor shows that).
     */
    private Bench regs() {
        return new Bench(bus, base);
    }
    private int n;

    @Benchmark
    public int typedRead() {
        return regs().ctrl().read().div();
    }

    /** The same read through a register accessor made once and held in a field: one more dependent load. */
    @Benchmark
    public int typedReadHeldAccessor() {
        return ctrl.read().div();
    }

    @Benchmark
    public int handRead() {
        return (bus.read32(base + CTRL) & DIV_MASK) >>> DIV_SHIFT;
    }

    @Benchmark
    public void typedWrite() {
        regs().ctrl().write(Ctrl.RESET.withDiv(++n & 0xf).withEn(true));
    }

    @Benchmark
    public void handWrite() {
        int div = ++n & 0xf;
        if ((div & ~0xf) != 0) { // the same range check the typed setter makes
            throw new IllegalArgumentException("div");
        }
        bus.write32(base + CTRL, div << DIV_SHIFT | EN);
    }

    @Benchmark
    public void typedPost() {
        regs().ctrl().post(Ctrl.RESET.withDiv(++n & 0xf).withEn(true));
    }

    @Benchmark
    public void handPost() {
        int div = ++n & 0xf;
        if ((div & ~0xf) != 0) {
            throw new IllegalArgumentException("div");
        }
        bus.post32(base + CTRL, div << DIV_SHIFT | EN);
    }

    /** The bus answers at once (the memory holds whatever the last benchmark wrote): the cost is the path to it. */
    @Benchmark
    public boolean typedAwait() {
        return regs().ctrl().await(Ctrl.DIV_FIELD.is(++n & 0xf), BOUND).met();
    }

    @Benchmark
    public boolean handAwait() {
        int div = ++n & 0xf;
        if ((div & ~0xf) != 0) {
            throw new IllegalArgumentException("div");
        }
        return bus.await(base + CTRL, DIV_MASK, div << DIV_SHIFT, BOUND).met();
    }

    @Benchmark
    public void typedModify() {
        int div = ++n & 0xf;
        regs().ctrl().modify(v -> v.withDiv(div));
    }

    @Benchmark
    public void handModify() {
        int div = ++n & 0xf;
        if ((div & ~0xf) != 0) {
            throw new IllegalArgumentException("div");
        }
        int v = bus.read32(base + CTRL) & ~W1_BITS;
        bus.write32(base + CTRL, (v & ~DIV_MASK) | div << DIV_SHIFT);
    }
}
