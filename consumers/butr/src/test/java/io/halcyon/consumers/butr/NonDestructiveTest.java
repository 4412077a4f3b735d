package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Non-destructive mode (a health gate's) writes nothing and never reads a register whose read has side effects. */
public class NonDestructiveTest {

    @Test
    public void noWritesAndNoSideEffectReads() {
        EmulatedChipBench bench = new EmulatedChipBench();
        List<Long> sideEffectAddresses = new ArrayList<>();
        for (BlockUnderTest b : bench.blocks) {
            for (RegisterInfo r : b.registers()) {
                if (r.readHasSideEffects()) {
                    sideEffectAddresses.add(b.base() + r.offset());
                }
            }
        }
        assertTrue("the chip has read-to-clear registers (hbm ECC counters)", sideEffectAddresses.size() >= 2);
        Recording access = new Recording(bench);
        TestReport report = TestRunner.run("emulation", TestRequest.wholeChip(0).withMode(TestMode.NON_DESTRUCTIVE),
                bench.blocks, access, Budget.UNLIMITED, ProgressListener.NONE);
        assertEquals(0, access.writes);
        for (long a : access.reads) {
            assertTrue(Long.toHexString(a), !sideEffectAddresses.contains(a));
        }
        assertTrue(report.passed());
        // The constants checked: the chip's identity among them.
        assertTrue(report.results().stream().anyMatch(r -> r.outcome() == Outcome.PASSED && r.suite() == Suite.RESET
                && r.location().equals("hbm.SIZE.SIZE_MB")));
        assertTrue(report.results().stream().noneMatch(r -> r.suite() == Suite.BIT_BASH || r.suite() == Suite.SIDE_EFFECTS));
    }

    @Test
    public void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        List<String> a = order(1);
        assertEquals(a, order(1));
        assertTrue(!a.equals(order(2)));
    }

    private static List<String> order(long seed) {
        return new EmulatedChipBench().run(TestRequest.wholeChip(0).withSeed(seed)).results().stream()
                .map(r -> r.suite() + " " + r.location()).toList();
    }

    private static final class Recording implements RegisterAccess {
        final RegisterAccess inner;
        final List<Long> reads = new ArrayList<>();
        int writes;

        Recording(RegisterAccess inner) {
            this.inner = inner;
        }

        @Override
        public boolean supportsWidth(int widthBits) {
            return inner.supportsWidth(widthBits);
        }

        @Override
        public long read(long address, int widthBits) {
            reads.add(address);
            return inner.read(address, widthBits);
        }

        @Override
        public void write(long address, int widthBits, long value) {
            writes++;
            inner.write(address, widthBits, value);
        }

        @Override
        public long deviceTimeNanos() {
            return inner.deviceTimeNanos();
        }
    }
}
