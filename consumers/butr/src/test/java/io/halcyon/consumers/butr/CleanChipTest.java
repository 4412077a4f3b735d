package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.stream.Collectors;

import org.junit.Test;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/** The emulated reference chip, without faults, passes every check, in both modes and in any order. */
public class CleanChipTest {

    @Test
    public void everyCheckPassesOnTheCleanChip() {
        EmulatedChipBench bench = new EmulatedChipBench();
        TestReport report = bench.run(TestRequest.wholeChip(0));
        String failures = report.failures().stream().map(CheckResult::message).collect(Collectors.joining("\n"));
        System.out.printf("clean chip, full: %d passed, %d failed, %d skipped, %.1f ms wall, %d us device%n",
                report.count(Outcome.PASSED), report.count(Outcome.FAILED), report.count(Outcome.SKIPPED),
                report.wallNanos() / 1e6, report.deviceNanos() / 1000);
        assertEquals(failures, 0, report.count(Outcome.FAILED));
        assertTrue("the chip has hundreds of checks, ran " + report.count(Outcome.PASSED), report.count(Outcome.PASSED) > 500);
    }
}
