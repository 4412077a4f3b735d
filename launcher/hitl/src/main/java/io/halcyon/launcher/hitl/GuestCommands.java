package io.halcyon.launcher.hitl;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.halcyon.hal.api.bus.AccessLog;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.butr.HardwareInTheLoop;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.edu.EduDevice;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * What the QEMU guest of {@code launcher/halcyon hitl qemu} runs on the production platform's edu chip.
 * Results are lines {@code HITL {json}} on stdout (the guest's serial console), which the host side reads.
 */
@Component(service = Object.class, property = {"osgi.command.scope=hitl", "osgi.command.function=accesses",
        "osgi.command.function=checks", "osgi.command.function=butr"})
public class GuestCommands {

    private static final String PRODUCTION = "(halcyon.platform=production)";
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Reference(target = PRODUCTION)
    RegisterBus bus;
    @Reference(target = PRODUCTION)
    AccessLog log;
    @Reference(target = "(&" + PRODUCTION + "(halcyon.block.type=edu))")
    HardwareBlock edu;
    @Reference(target = PRODUCTION)
    EduDevice device;
    @Reference(target = PRODUCTION)
    HostMemory hostMemory;
    @Reference(target = PRODUCTION)
    PlatformInfo platform;
    @Reference
    HardwareInTheLoop hitl;

    @Descriptor("counted access phases on the production edu chip, between trace markers: PREFIX COUNT")
    public void accesses(String prefix, int count) {
        PrintStream out = System.out;
        out.println("HITL " + Json.object("platform", platform.description(), "uptimeMs", uptime()));
        for (AccessPhases.Phase p : new AccessPhases(bus, log, edu).run(prefix, count)) {
            out.println("HITL " + Json.object("phase", p.name(), "reads", p.reads(), "writes", p.writes(),
                    "problem", p.problem()));
        }
        out.println("HITL " + Json.object("phasesEndUptimeMs", uptime()));
        out.flush();
    }

    @Descriptor("the edu driver's liveness, factorial, interrupt and DMA paths on the production chip")
    public void checks() {
        List<String> lines = new ArrayList<>();
        check(lines, "liveness", () -> device.alive(0x1234_5678) && device.alive(0));
        check(lines, "version 1.0", () -> device.version().equals(new EduDevice.Version(1, 0)));
        check(lines, "factorial 12 by interrupt", () -> device.factorial(12, true, BOUND) == 479_001_600
                && (device.pendingInterrupts() & EduDevice.FACTORIAL_DONE) == 0);
        check(lines, "factorial 10 by polling", () -> device.factorial(10, false, BOUND) == 3_628_800);
        check(lines, "interrupt raise, wait, acknowledge", () -> {
            device.raiseInterrupt(0x4000_0000);
            boolean raised = device.awaitInterrupt(0x4000_0000, BOUND) == 0x4000_0000;
            device.acknowledgeInterrupts(0x4000_0000);
            return raised && device.pendingInterrupts() == 0;
        });
        check(lines, "DMA to the device and back", this::dmaRoundTrip);
        lines.forEach(l -> System.out.println("HITL " + l));
        System.out.flush();
    }

    private boolean dmaRoundTrip() {
        try (HostBuffer source = hostMemory.allocate(EduDevice.BUFFER_BYTES);
                HostBuffer target = hostMemory.allocate(EduDevice.BUFFER_BYTES)) {
            ByteBuffer s = source.contents();
            for (int i = 0; i < 1024; i++) {
                s.put(i, (byte) (i * 7 + 3));
            }
            device.copyToDevice(source, 0, 512, 1024, BOUND);
            device.copyFromDevice(512, target, 100, 1024, BOUND);
            return target.contents().slice(100, 1024).equals(s.slice(0, 1024));
        }
    }

    private static void check(List<String> lines, String name, BooleanSupplier check) {
        String problem = null;
        boolean passed;
        try {
            passed = check.getAsBoolean();
        } catch (RuntimeException e) {
            passed = false;
            problem = e.getMessage();
        }
        lines.add(Json.object("check", name, "passed", passed, "problem", problem));
    }

    @Descriptor("the register tests on every platform the host is attached to, per platform passed/failed/skipped")
    public void butr() {
        for (TestReport r : hitl.run(TestRequest.wholeChip(0), ProgressListener.NONE)) {
            System.out.println("HITL " + Json.object("butr", r.platform(), "passed", r.count(Outcome.PASSED),
                    "failed", r.count(Outcome.FAILED), "skipped", r.count(Outcome.SKIPPED),
                    "firstFailure", r.failures().isEmpty() ? null : r.failures().get(0).message()));
        }
        System.out.flush();
    }

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
