package io.halcyon.benchmarks.butr;

import java.util.Arrays;
import java.util.List;

import io.halcyon.consumers.butr.BlockUnderTest;
import io.halcyon.consumers.butr.Budget;
import io.halcyon.consumers.butr.BusAccess;
import io.halcyon.consumers.butr.TestRunner;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.emulation.EmulationBus;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;
import io.halcyon.rdl.chipmap.ChipRegisterMaps;

/**
 * BUTR on a whole emulated reference_gen1 chip through the emulation's RegisterBus, as {@code hal:butr --all}
 * runs it: the first (cold) run, then {@code runs} warm runs on fresh chips. Prints register checks per
 * second and wall time per chip. A timing command rather than JMH: the figure that matters is one whole
 * run, cold and warm, not a nanosecond per operation.
 *
 * <p>Usage: {@code java -jar butr-timing.jar [runs] [full|non-destructive]}
 */
public final class ButrTiming {

    private static final ChipModel REFERENCE = ClassPathChipMaps.named("reference_gen1");

    private ButrTiming() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        TestMode mode = args.length > 1 && args[1].startsWith("non") ? TestMode.NON_DESTRUCTIVE : TestMode.FULL;
        long t0 = System.nanoTime();
        List<BlockUnderTest> blocks = blocks();
        System.out.printf("register maps of reference_gen1: %d blocks, %d registers (%.0f ms to elaborate and convert)%n",
                blocks.size(), blocks.stream().mapToInt(b -> b.registers().size()).sum(), (System.nanoTime() - t0) / 1e6);

        TestReport cold = once(blocks, mode, 0);
        print("cold (first run in this JVM)", cold);
        long[] wall = new long[runs];
        TestReport last = cold;
        for (int i = 0; i < runs; i++) {
            last = once(blocks, mode, i);
            wall[i] = last.wallNanos();
        }
        Arrays.sort(wall);
        long executed = executed(last);
        System.out.printf("warm, %d runs: median %.2f ms, p90 %.2f ms, best %.2f ms per chip; %.0f checks/s at the median%n",
                runs, wall[runs / 2] / 1e6, wall[runs * 9 / 10] / 1e6, wall[0] / 1e6, executed / (wall[runs / 2] / 1e9));
        if (!last.passed()) {
            System.out.println("WARNING: " + last.failures().size() + " checks failed");
        }
    }

    private static TestReport once(List<BlockUnderTest> blocks, TestMode mode, long seed) {
        EmulatedChip chip = EmulatedChip.of(REFERENCE);
        return TestRunner.run("emulation", TestRequest.wholeChip(0).withMode(mode).withSeed(seed), blocks,
                new BusAccess(new EmulationBus(chip)), Budget.UNLIMITED, ProgressListener.NONE);
    }

    private static void print(String what, TestReport r) {
        System.out.printf("%s: %d checks run (%d passed, %d failed), %d skipped by the description, %.2f ms wall, %.1f us device,"
                + " %.0f checks/s%n", what, executed(r), r.count(Outcome.PASSED), r.count(Outcome.FAILED),
                r.count(Outcome.SKIPPED), r.wallNanos() / 1e6, r.deviceNanos() / 1e3, executed(r) / (r.wallNanos() / 1e9));
    }

    private static long executed(TestReport r) {
        return r.count(Outcome.PASSED) + r.count(Outcome.FAILED);
    }

    private static List<BlockUnderTest> blocks() {
        return ChipRegisterMaps.of(REFERENCE, ButrTiming.class.getClassLoader()).stream()
                .map(b -> new BlockUnderTest(b.name(), b.base(), b.registers(), b.memories())).toList();
    }
}
