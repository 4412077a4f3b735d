package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.butr.CheckResult;
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
        // The suites that change the chip are not left out silently: each check they would run is
        // reported skipped, saying why. (The reference chip's only memories, the DMA rings, are
        // external: memory walks are skipped for that reason in every mode.)
        for (Suite changesTheChip : List.of(Suite.BIT_BASH, Suite.SIDE_EFFECTS, Suite.ALIASING)) {
            List<CheckResult> of = report.results().stream().filter(r -> r.suite() == changesTheChip).toList();
            assertTrue(changesTheChip + " reported", !of.isEmpty());
            assertTrue(changesTheChip + " all skipped", of.stream().allMatch(r -> r.outcome() == Outcome.SKIPPED));
            assertTrue(changesTheChip + " skipped for the mode", of.stream().anyMatch(r -> r.reason().equals(Planner.NON_DESTRUCTIVE)));
        }
    }

    @Test
    public void skipsForTheModeExactlyTheChecksFullModeRunsThatChangeTheChip() {
        EmulatedChipBench bench = new EmulatedChipBench();
        TestReport full = bench.run(TestRequest.wholeChip(0));
        TestReport gentle = bench.run(TestRequest.wholeChip(0).withMode(TestMode.NON_DESTRUCTIVE));
        assertEquals("the same checks are planned", full.results().size(), gentle.results().size());
        long skippedForTheMode = gentle.results().stream().filter(r -> r.reason().equals(Planner.NON_DESTRUCTIVE)).count();
        long fullRanButGentleDidNot = full.count(Outcome.PASSED) - gentle.count(Outcome.PASSED);
        assertTrue("skipped for the mode: " + skippedForTheMode, skippedForTheMode > 0);
        // What full mode ran and non-destructive mode did not run was skipped for the mode or, for
        // writable fields' reset values, because software may have written them since reset.
        long resetOfWritable = gentle.results().stream().filter(r -> r.suite() == Suite.RESET && r.outcome() == Outcome.SKIPPED
                && r.reason().startsWith("software may have written it")).count();
        assertEquals(fullRanButGentleDidNot, skippedForTheMode + resetOfWritable);
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
