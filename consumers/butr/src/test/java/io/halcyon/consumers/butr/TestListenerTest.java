package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestListener;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/**
 * Every run over the chip's own maps, from RegisterTests or from HITL, is told to the whiteboard's
 * {@link TestListener}s with the reports the caller got; a run over given descriptions (a health gate's) is not,
 * and a listener that throws changes nothing.
 */
public class TestListenerTest {

    private static final TestRequest SYSCTRL = TestRequest.wholeChip(0).onBlock("sysctrl").withMode(TestMode.NON_DESTRUCTIVE).withSeed(42);

    private record Told(TestRequest request, List<TestReport> reports) {
    }

    private final ChipServices services = BenchServices.chip0(new EmulatedChipBench());
    private final List<Told> told = new ArrayList<>();
    private final TestListener recorder = (request, reports) -> told.add(new Told(request, reports));

    @Test
    public void aRegisterTestsRunIsToldWithItsReport() {
        services.addListener(recorder);
        TestReport report = new RegisterTestsService(services).run(SYSCTRL, ProgressListener.NONE);
        assertEquals(1, told.size());
        assertEquals(SYSCTRL, told.get(0).request());
        assertSame(report, told.get(0).reports().get(0));
        assertTrue(report.results().size() > 0);
    }

    @Test
    public void aHitlRunIsToldWithAReportPerPlatform() {
        services.addListener(recorder);
        List<TestReport> reports = new HitlDispatcher(services, config()).run(SYSCTRL, ProgressListener.NONE);
        assertEquals(1, told.size());
        assertEquals(reports, told.get(0).reports());
        assertEquals(List.of("emulation", "production"), told.get(0).reports().stream().map(TestReport::platform).toList());
    }

    @Test
    public void aRunOverGivenDescriptionsIsNotTold() {
        services.addListener(recorder);
        BlockUnderTest sysctrl = services.blocks(0).stream().filter(b -> b.name().equals("sysctrl")).findFirst().orElseThrow();
        new RegisterTestsService(services).run(SYSCTRL, List.of(new BenchServices.Description(sysctrl)), ProgressListener.NONE);
        assertEquals(List.of(), told);
    }

    @Test
    public void aListenerThatThrowsChangesNothingAndOthersAreStillTold() {
        services.addListener((request, reports) -> {
            throw new IllegalStateException("a watcher's bug");
        });
        services.addListener(recorder);
        TestReport report = new RegisterTestsService(services).run(SYSCTRL, ProgressListener.NONE);
        assertTrue(report.failures().toString(), report.passed());
        assertEquals(1, told.size());
        services.removeListener(recorder);
        new RegisterTestsService(services).run(SYSCTRL, ProgressListener.NONE);
        assertEquals("a removed listener is not told", 1, told.size());
    }

    private static HitlDispatcher.Config config() {
        return new HitlDispatcher.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HitlDispatcher.Config.class;
            }

            @Override
            public String[] platforms() {
                return new String[] {"emulation", "production"};
            }

            @Override
            public long emulation_wall_ms() {
                return 10_000;
            }

            @Override
            public long emulation_device_ms() {
                return 1_000;
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
