package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.Test;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.platform.emulation.model.RegisterFaults;

/**
 * For each fault class the emulation can inject, BUTR on the whole chip fails, and the failure names
 * the register, field and bit the fault was put on; nothing else on the chip fails.
 */
public class FaultInjectionTest {

    @Test
    public void stuckAtZeroIsCaughtByBitBash() {
        List<CheckResult> failures = failuresWith(f -> f.stuckAt(0x0000_000C, 5, 0));
        assertNamed(failures, Suite.BIT_BASH, "sysctrl.SCRATCH.VALUE[5]");
        assertOnlyAbout(failures, "sysctrl", "SCRATCH");
    }

    @Test
    public void stuckAtOneIsCaughtByResetAndBitBash() {
        List<CheckResult> failures = failuresWith(f -> f.stuckAt(0x0007_0020, 0, 1));
        assertNamed(failures, Suite.RESET, "telemetry.TEMP_THRESHOLD.CENTI_C[0]");
        assertNamed(failures, Suite.BIT_BASH, "telemetry.TEMP_THRESHOLD.CENTI_C[0]");
        assertOnlyAbout(failures, "telemetry", "TEMP_THRESHOLD");
        CheckResult reset = failures.stream().filter(r -> r.suite() == Suite.RESET).findFirst().orElseThrow();
        assertEquals(9500, reset.expected());
        assertEquals(9501, reset.actual());
    }

    @Test
    public void wrongResetValueIsCaughtByReset() {
        // MULT resets to 10; the fault makes it read 12 until written: bits 9 and 10 differ, bit 9 first.
        List<CheckResult> failures = failuresWith(f -> f.wrongReset(0x0001_0000, 0xFF00, 0x0C00));
        assertEquals(1, failures.size());
        assertNamed(failures, Suite.RESET, "clkrst.CORE_PLL_CTRL.MULT[9]");
        assertEquals(0x0A00, failures.get(0).expected());
        assertEquals(0x0C00, failures.get(0).actual());
    }

    @Test
    public void addressAliasIsCaughtByAliasing() {
        List<CheckResult> failures = failuresWith(f -> f.alias(0x0006_0024, 0x0006_0028));
        assertNamed(failures, Suite.ALIASING, "tensor.CMD_K.K[0]");
        assertTrue(failures.get(0).reason(), failures.get(0).reason().contains("tensor.CMD_SCALAR.VALUE[0]"));
        assertOnlyAbout(failures, "tensor", "CMD_K");
    }

    @Test
    public void droppedWriteIsCaughtByBitBash() {
        List<CheckResult> failures = failuresWith(f -> f.dropWrites(0x0005_0004));
        for (String field : List.of("PCIE", "HBM", "DMA", "TENSOR", "TELEMETRY", "CLKRST")) {
            assertNamed(failures, Suite.BIT_BASH, "intc.ENABLE." + field + "[" + List.of("PCIE", "HBM", "DMA", "TENSOR",
                    "TELEMETRY", "CLKRST").indexOf(field) + "]");
        }
        assertOnlyAbout(failures, "intc", "ENABLE");
    }

    @Test
    public void busErrorIsCaughtByEveryCheckOfTheRegister() {
        List<CheckResult> failures = failuresWith(f -> f.busError(0x0003_0008));
        assertNamed(failures, Suite.RESET, "hbm.SIZE.SIZE_MB");
        assertTrue(failures.get(0).reason(), failures.get(0).reason().contains("slave error at 0x00030008"));
        assertOnlyAbout(failures, "hbm", "SIZE");
    }

    @Test
    public void w1cBitThatBehavesAsReadWriteIsCaughtBySideEffects() {
        List<CheckResult> failures = failuresWith(f -> f.w1cAsRw(0x0002_0008, 1));
        assertEquals(failures.toString(), 1, failures.size());
        assertNamed(failures, Suite.SIDE_EFFECTS, "pcie.ERR_STATUS.UNCORRECTABLE[1]");
    }

    @Test
    public void clearingTheFaultsRestoresAPassingChip() {
        EmulatedChipBench bench = new EmulatedChipBench();
        synchronized (bench.chip) {
            bench.chip.registerFaults().stuckAt(0x0000_000C, 5, 0).clear();
        }
        assertTrue(bench.run(TestRequest.wholeChip(0)).passed());
    }

    private static List<CheckResult> failuresWith(Consumer<RegisterFaults> inject) {
        EmulatedChipBench bench = new EmulatedChipBench();
        inject.accept(bench.chip.registerFaults());
        TestReport report = bench.run(TestRequest.wholeChip(0).withSeed(7));
        assertFalse("the fault went unnoticed", report.passed());
        return report.failures();
    }

    private static void assertNamed(List<CheckResult> failures, Suite suite, String location) {
        assertTrue(location + " (" + suite + ") not among " + locations(failures),
                failures.stream().anyMatch(r -> r.suite() == suite && r.location().equals(location)));
    }

    private static void assertOnlyAbout(List<CheckResult> failures, String block, String register) {
        for (CheckResult r : failures) {
            assertEquals(r.message(), block + "." + register, r.block() + "." + r.register());
        }
    }

    private static String locations(List<CheckResult> failures) {
        return failures.stream().map(r -> r.suite() + " " + r.location()).collect(Collectors.joining(", "));
    }
}
