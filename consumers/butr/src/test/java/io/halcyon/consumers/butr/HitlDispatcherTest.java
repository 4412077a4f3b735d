package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/**
 * One request, every configured platform: the emulation runs it, platforms the host does not have
 * report every check as skipped (never passed), and a budget cuts a run short with skipped checks.
 */
public class HitlDispatcherTest {

    @Test
    public void platformsThatAreNotAttachedReportEveryCheckSkipped() {
        HitlDispatcher hitl = new HitlDispatcher(BenchServices.chip0(new EmulatedChipBench()), config(10_000, 1_000));
        List<TestReport> reports = hitl.run(TestRequest.wholeChip(0), ProgressListener.NONE);
        assertEquals(List.of("emulation", "verification", "production"), hitl.platforms());
        assertEquals(3, reports.size());
        TestReport emulation = reports.get(0);
        assertTrue(emulation.passed());
        assertTrue(emulation.count(Outcome.PASSED) > 500);
        for (TestReport absent : reports.subList(1, 3)) {
            assertEquals(0, absent.count(Outcome.PASSED));
            assertEquals(0, absent.count(Outcome.FAILED));
            assertEquals("the same checks are planned", emulation.results().size(), absent.results().size());
            assertTrue(absent.results().stream().anyMatch(r -> r.reason().equals("no " + absent.platform()
                    + " platform is attached to this host")));
        }
    }

    @Test
    public void aDeviceTimeBudgetSkipsWhatItLeavesNoTimeFor() {
        // No device time at all: every check is skipped for the budget, none counts as passed.
        HitlDispatcher hitl = new HitlDispatcher(BenchServices.chip0(new EmulatedChipBench()), config(10_000, 0));
        TestReport emulation = hitl.run(TestRequest.wholeChip(0), ProgressListener.NONE).get(0);
        assertEquals(0, emulation.count(Outcome.PASSED));
        assertTrue(emulation.results().stream().anyMatch(r -> r.outcome() == Outcome.SKIPPED
                && r.reason().equals("time budget exhausted: 0 ms of device time used")));
    }

    private static HitlDispatcher.Config config(long emulationWallMs, long emulationDeviceMs) {
        return new HitlDispatcher.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HitlDispatcher.Config.class;
            }

            @Override
            public String[] platforms() {
                return new String[] {"emulation", "verification", "production"};
            }

            @Override
            public long emulation_wall_ms() {
                return emulationWallMs;
            }

            @Override
            public long emulation_device_ms() {
                return emulationDeviceMs;
            }

            @Override
            public long verification_wall_ms() {
                return 1;
            }

            @Override
            public long verification_device_ms() {
                return 1;
            }

            @Override
            public long production_wall_ms() {
                return 1;
            }

            @Override
            public long production_device_ms() {
                return 1;
            }
        };
    }
}
