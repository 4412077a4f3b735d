package io.halcyon.launcher.hitl;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.service.component.annotations.Activate;
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
        "osgi.command.function=checks", "osgi.command.function=butr", "osgi.command.function=gone"})
public class GuestCommands {

    private static final String PRODUCTION = "(halcyon.platform=production)";
    private static final String EMULATION = "(halcyon.platform=emulation)";
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
    @Reference(target = EMULATION)
    EduDevice emulatedDevice;
    @Reference(target = EMULATION)
    HostMemory emulatedHostMemory;
    @Reference(target = PRODUCTION)
    PlatformInfo platform;
    @Reference
    HardwareInTheLoop hitl;
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

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

    @Descriptor("the edu driver's liveness, factorial, interrupt and DMA paths on one platform: production | emulation")
    public void checks(String platformName) {
        boolean production = platformName.equals("production");
        if (!production && !platformName.equals("emulation")) {
            throw new IllegalArgumentException("hitl:checks production | emulation");
        }
        EduDevice edu = production ? device : emulatedDevice;
        HostMemory memory = production ? hostMemory : emulatedHostMemory;
        List<String> lines = new ArrayList<>();
        String on = " (" + platformName + ")";
        check(lines, "liveness" + on, () -> edu.alive(0x1234_5678) && edu.alive(0));
        check(lines, "version 1.0" + on, () -> edu.version().equals(new EduDevice.Version(1, 0)));
        check(lines, "factorial 12 by interrupt" + on, () -> edu.factorial(12, true, BOUND) == 479_001_600
                && (edu.pendingInterrupts() & EduDevice.FACTORIAL_DONE) == 0);
        check(lines, "factorial 10 by polling" + on, () -> edu.factorial(10, false, BOUND) == 3_628_800);
        check(lines, "interrupt raise, wait, acknowledge" + on, () -> {
            edu.raiseInterrupt(0x4000_0000);
            boolean raised = edu.awaitInterrupt(0x4000_0000, BOUND) == 0x4000_0000;
            edu.acknowledgeInterrupts(0x4000_0000);
            return raised && edu.pendingInterrupts() == 0;
        });
        check(lines, "DMA to the device and back" + on, () -> dmaRoundTrip(edu, memory));
        lines.forEach(l -> System.out.println("HITL " + l));
        System.out.flush();
    }

    private static boolean dmaRoundTrip(EduDevice edu, HostMemory memory) {
        try (HostBuffer source = memory.allocate(EduDevice.BUFFER_BYTES);
                HostBuffer target = memory.allocate(EduDevice.BUFFER_BYTES)) {
            ByteBuffer s = source.contents();
            for (int i = 0; i < 1024; i++) {
                s.put(i, (byte) (i * 7 + 3));
            }
            edu.copyToDevice(source, 0, 512, 1024, BOUND);
            edu.copyFromDevice(512, target, 100, 1024, BOUND);
            return target.contents().slice(100, 1024).equals(s.slice(0, 1024));
        }
    }

    @Descriptor("ejects the production edu device from its PCI slot (ACPI hotplug) and checks the platform reports it gone")
    public void gone() throws Exception {
        List<String> lines = new ArrayList<>();
        DeviceRemoval removal = DeviceRemoval.ofEdu();
        RegisterBus held = bus;
        long id = edu.baseAddress() + edu.register("ID").orElseThrow().offset();
        CountDownLatch withdrawn = new CountDownLatch(1);
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                withdrawn.countDown();
            }
        };
        context.addServiceListener(listener, "(&(objectClass=" + PlatformInfo.class.getName() + ")" + PRODUCTION + ")");
        try {
            removal.eject();
            boolean inTime = withdrawn.await(10, TimeUnit.SECONDS);
            check(lines, "device removal: the platform withdraws the chip", () -> inTime);
        } finally {
            context.removeServiceListener(listener);
        }
        check(lines, "device removal: an access fails naming the device", () -> {
            try {
                held.read32(id);
                return false;
            } catch (io.halcyon.hal.api.bus.DeviceGoneException e) {
                System.out.println("HITL " + Json.object("gone", e.getMessage()));
                return e.getMessage().startsWith("device " + removal.bdf() + " gone: ");
            }
        });
        lines.forEach(l -> System.out.println("HITL " + l));
        System.out.flush();
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
