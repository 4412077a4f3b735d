package io.halcyon.launcher.qemu;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The verdict compares each phase the guest logged with the phase the trace cut, in order, and fails on any difference. */
public class HitlReportTest {

    private static GuestOutput guest(String... lines) {
        GuestOutput g = new GuestOutput();
        for (String l : lines) {
            g.accept(l);
        }
        return g;
    }

    private static DeviceTrace trace(int writes) {
        DeviceTrace t = new DeviceTrace(0x10);
        t.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00010 value 0x1 size 4 name 'edu-mmio'");
        for (int i = 0; i < writes; i++) {
            t.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00004 value 0x5 size 4 name 'edu-mmio'");
        }
        t.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00010 value 0x2 size 4 name 'edu-mmio'");
        return t;
    }

    @Test
    public void aPhaseMatchesOnlyWhenReadsAndWritesAreEqual() {
        GuestOutput g = guest("HITL-GUEST run interpreted",
                "HITL {\"phase\": \"interpreted/writes\", \"reads\": 0, \"writes\": 3, \"problem\": null}");
        HitlReport exact = HitlReport.of(g, trace(3));
        assertEquals(new HitlReport.Phase("interpreted/writes", 0, 3, 0, 3), exact.phases.get(0));
        HitlReport dropped = HitlReport.of(g, trace(2));
        assertFalse(dropped.phases.get(0).matches());
        assertFalse(dropped.ok());
    }

    @Test
    public void aCompilerLineInsideTheConsoleIsNotTakenForResults() {
        GuestOutput g = guest("HITL-GUEST run compiled",
                "JIT   20456 1925       4       io.halcyon.platform.production.ProductionBus::write32 (25 bytes)",
                "JIT   20457 1926     n 0       io.halcyon.platform.production.Mmio::write32 (native)   (static)",
                "JIT   26227 1925       4       io.halcyon.platform.production.ProductionBus::write32 (25 bytes)   made not entrant");
        assertEquals(3, g.compilations().size());
        assertEquals(true, g.compilations().get(2).discarded());
        assertEquals(new GuestOutput.Compilation("compiled", 20456, 1925, 4, "io.halcyon.platform.production.ProductionBus::write32",
                false, false), g.compilations().get(0));
        assertEquals(true, g.compilations().get(1).nativeWrapper());
        assertEquals(0, g.records("phase").size());
    }

    @Test
    public void a64BitAccessThatReachedTheDeviceAsTwoHalvesFailsEvenWhenTheCountsMatch() {
        GuestOutput g = guest("HITL-GUEST run interpreted",
                "HITL {\"phase\": \"interpreted/64-bit\", \"reads\": 0, \"writes\": 2, \"problem\": null}");
        DeviceTrace torn = new DeviceTrace(0x10);
        torn.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00010 value 0x1 size 4 name 'edu-mmio'");
        torn.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00088 value 0x5 size 4 name 'edu-mmio'");
        torn.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea0008c value 0x0 size 4 name 'edu-mmio'");
        torn.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00010 value 0x2 size 4 name 'edu-mmio'");
        HitlReport r = HitlReport.of(g, torn);
        assertEquals(true, r.phases.get(0).matches());
        assertEquals(false, r.checks.stream().filter(c -> c.name().startsWith("every access of the 64-bit phases")).findFirst()
                .orElseThrow().passed());

        DeviceTrace whole = new DeviceTrace(0x10);
        whole.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00010 value 0x1 size 4 name 'edu-mmio'");
        whole.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00088 value 0x5 size 8 name 'edu-mmio'");
        whole.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00088 value 0x0 size 8 name 'edu-mmio'");
        whole.accept("memory_region_ops_write cpu 0 mr 0x1 addr 0xfea00010 value 0x2 size 4 name 'edu-mmio'");
        assertEquals(true, HitlReport.of(g, whole).checks.stream()
                .filter(c -> c.name().startsWith("every access of the 64-bit phases")).findFirst().orElseThrow().passed());
    }

    @Test
    public void theBenchmarkCountsAsCompiledOnlyWhenItsLoopsHadC2CodeBeforeTheTimedRoundsThatWasKept() {
        String bench = "{\"bench\": \"edu.LIVENESS\", \"count\": 10000, \"timedFromUptimeMs\": 5000}";
        String reads = "io.halcyon.platform.production.AccessBenchmark::halReads (37 bytes)";
        String writes = "io.halcyon.platform.production.AccessBenchmark::halWrites (30 bytes)";
        assertEquals(true, benchChecksPass(guest("HITL-GUEST run compiled", "JIT   4000 10    b  4       " + reads,
                "JIT   4001 11    b  4       " + writes, bench)));
        // C2 code made after the timed rounds began, or discarded, means the rounds ran something else.
        assertEquals(false, benchChecksPass(guest("HITL-GUEST run compiled", "JIT   6000 10    b  4       " + reads,
                "JIT   4001 11    b  4       " + writes, bench)));
        assertEquals(false, benchChecksPass(guest("HITL-GUEST run compiled", "JIT   4000 10    b  4       " + reads,
                "JIT   4001 11    b  4       " + writes, bench, "JIT   5500 10       4       " + reads + "   made not entrant")));
        // Only C1's profiling code (an on-stack replacement of a long loop) is not compiled code in this sense.
        assertEquals(false, benchChecksPass(guest("HITL-GUEST run compiled", "JIT   4000 10 %  b  3       " + reads,
                "JIT   4001 11    b  4       " + writes, bench)));
    }

    private static boolean benchChecksPass(GuestOutput g) {
        List<HitlReport.Check> checks = JitEvidence.checks(g).stream()
                .filter(c -> c.name().startsWith("compiled run: the benchmark's")).toList();
        assertEquals(2, checks.size());
        return checks.stream().allMatch(HitlReport.Check::passed);
    }

    @Test
    public void theInterpretedRunFailsWhenTheJdksLoadOrStoreMethodWasCompiledButNotForNativeWrappers() {
        String wrapper = "JIT     120  363     n 0       jdk.internal.misc.Unsafe::putInt (native)   ";
        String leaf = "JIT     162  561       3       jdk.internal.misc.Unsafe::putIntUnaligned (14 bytes)";
        assertEquals(true, interpretedCheckPasses(guest("HITL-GUEST run interpreted", wrapper)));
        // No line at all from that run (the log missing or not read) has shown nothing.
        assertEquals(false, interpretedCheckPasses(guest("HITL-GUEST run interpreted")));
        assertEquals(false, interpretedCheckPasses(guest("HITL-GUEST run interpreted", wrapper, leaf)));
        // In the compiled run the same compilation is what is expected.
        assertEquals(true, interpretedCheckPasses(guest("HITL-GUEST run interpreted", wrapper, "HITL-GUEST run compiled", leaf)));
    }

    @Test
    public void theGuestPassesOnCompilationsOfTheAccessPathOnly() {
        Pattern methods = Pattern.compile(GuestOutput.JIT_METHODS);
        for (String passed : List.of("  162  561       3       jdk.internal.misc.Unsafe::putIntUnaligned (14 bytes)",
                "  120  363     n 0       jdk.internal.misc.Unsafe::getLong (native)   ",
                "  130  400       4       sun.misc.Unsafe::putInt (11 bytes)",
                "  140  410       3       jdk.internal.misc.ScopedMemoryAccess::putIntInternal (31 bytes)",
                "  150  420       4       java.lang.invoke.VarHandleSegmentAsInts::set (40 bytes)",
                "20456 1925       4       io.halcyon.platform.production.ProductionBus::write32 (25 bytes)")) {
            assertTrue(passed, methods.matcher(passed).find());
        }
        for (String left : List.of("  162  561       3       jdk.internal.misc.Unsafe::getIntVolatile (native)",
                "  170  600       4       java.util.concurrent.ConcurrentHashMap::get (162 bytes)")) {
            assertFalse(left, methods.matcher(left).find());
        }
    }

    private static boolean interpretedCheckPasses(GuestOutput g) {
        return JitEvidence.checks(g).stream().filter(c -> c.name().startsWith("interpreted run:")).findFirst().orElseThrow().passed();
    }
}
