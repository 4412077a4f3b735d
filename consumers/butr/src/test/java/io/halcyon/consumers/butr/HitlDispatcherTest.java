package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.MemoryInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.platform.emulation.EmulationBus;

/**
 * One request, every configured platform: the emulation runs it, platforms the host does not have
 * report every check as skipped (never passed), and a budget cuts a run short with skipped checks.
 */
public class HitlDispatcherTest {

    @Test
    public void platformsThatAreNotAttachedReportEveryCheckSkipped() {
        HitlDispatcher hitl = new HitlDispatcher(emulatedChip0(), config(10_000, 1_000));
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
        HitlDispatcher hitl = new HitlDispatcher(emulatedChip0(), config(10_000, 0));
        TestReport emulation = hitl.run(TestRequest.wholeChip(0), ProgressListener.NONE).get(0);
        assertEquals(0, emulation.count(Outcome.PASSED));
        assertTrue(emulation.results().stream().anyMatch(r -> r.outcome() == Outcome.SKIPPED
                && r.reason().equals("time budget exhausted: 0 ms of device time used")));
    }

    private static ChipServices emulatedChip0() {
        EmulatedChipBench bench = new EmulatedChipBench();
        ChipServices services = new ChipServices();
        Map<String, Object> chip0 = Map.of("halcyon.chip", "0");
        services.addBus(new EmulationBus(bench.chip), chip0);
        services.addPlatform(new Platform(), chip0);
        for (BlockUnderTest b : bench.blocks) {
            services.addBlock(new Block(b), chip0);
        }
        return services;
    }

    private record Block(BlockUnderTest b) implements HardwareBlock {
        @Override
        public String name() {
            return b.name();
        }

        @Override
        public String description() {
            return b.name();
        }

        @Override
        public long baseAddress() {
            return b.base();
        }

        @Override
        public List<RegisterInfo> registers() {
            return b.registers();
        }

        @Override
        public List<MemoryInfo> memories() {
            return b.memories();
        }
    }

    private record Platform() implements PlatformInfo {
        @Override
        public PlatformKind kind() {
            return PlatformKind.EMULATION;
        }

        @Override
        public int chipInstance() {
            return 0;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public Set<PlatformCapability> capabilities() {
            return EnumSet.noneOf(PlatformCapability.class);
        }
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
