package io.halcyon.consumers.butr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.HardwareInTheLoop;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.platform.PlatformKind;

/**
 * The HITL harness: the same request on every configured platform, each within its own budget. It is
 * only a dispatcher over the {@link RegisterBus} and {@link io.halcyon.hal.api.platform.PlatformInfo}
 * services present: a platform with neither is reported with every check skipped.
 */
@Component(service = HardwareInTheLoop.class, configurationPid = HitlDispatcher.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HitlDispatcher.Config.class)
public class HitlDispatcher implements HardwareInTheLoop {

    static final String PID = "io.halcyon.butr.hitl";

    @ObjectClassDefinition(name = "Halcyon HITL harness", description = "Which platforms a test request goes to, and each one's time budget.")
    public @interface Config {
        @AttributeDefinition(description = "Platforms in report order: emulation, verification, production.")
        String[] platforms() default {"emulation", "verification", "production"};

        @AttributeDefinition(description = "Wall-time budget on emulation, ms.")
        long emulation_wall_ms() default 10_000;

        @AttributeDefinition(description = "Device-time budget on emulation, ms.")
        long emulation_device_ms() default 1_000;

        @AttributeDefinition(description = "Wall-time budget on RTL simulation, ms (about 10 us per blocking access).")
        long verification_wall_ms() default 600_000;

        @AttributeDefinition(description = "Device-time (simulated) budget on RTL simulation, ms.")
        long verification_device_ms() default 10_000;

        @AttributeDefinition(description = "Wall-time budget on production hardware, ms.")
        long production_wall_ms() default 60_000;

        @AttributeDefinition(description = "Device-time budget on production hardware, ms.")
        long production_device_ms() default 60_000;
    }

    private record Target(String name, PlatformKind kind, Budget budget) {
    }

    private final ChipServices services;
    private final List<Target> targets;

    @Activate
    public HitlDispatcher(@Reference ChipServices services, Config config) {
        this.services = services;
        List<Target> t = new ArrayList<>();
        for (String name : config.platforms()) {
            PlatformKind kind = kind(name);
            t.add(new Target(kind.name().toLowerCase(Locale.ROOT), kind, budget(kind, config)));
        }
        this.targets = List.copyOf(t);
    }

    @Override
    public List<String> platforms() {
        return targets.stream().map(Target::name).toList();
    }

    @Override
    public List<String> attached() {
        return targets.stream().filter(t -> attachedChip(t).isPresent()).map(Target::name).toList();
    }

    @Override
    public List<TestReport> run(TestRequest request, ProgressListener listener) {
        List<TestReport> reports = new ArrayList<>();
        for (Target t : targets) {
            Optional<Integer> chip = attachedChip(t);
            Optional<RegisterBus> bus = chip.flatMap(services::bus);
            if (bus.isPresent()) {
                TestRequest onChip = new TestRequest(chip.get(), request.block(), request.register(), request.mode(),
                        request.seed(), request.suites());
                reports.add(TestRunner.run(t.name(), onChip, services.blocks(chip.get()), new BusAccess(bus.get()), t.budget(), listener));
            } else {
                reports.add(notAttached(t.name(), request, listener));
            }
        }
        services.finished(request, reports);
        return reports;
    }

    /** The chip a platform of this target's kind reaches with a bus, if the host is attached to one. */
    private Optional<Integer> attachedChip(Target t) {
        return services.chipOf(t.kind()).filter(chip -> services.bus(chip).isPresent());
    }

    private TestReport notAttached(String platform, TestRequest request, ProgressListener listener) {
        String reason = "no " + platform + " platform is attached to this host";
        List<BlockUnderTest> blocks = services.anyChipBlocks();
        if (blocks.isEmpty()) {
            CheckResult nothing = new CheckResult(Suite.RESET, request.block().orElse("chip"), request.register().orElse("*"),
                    "", -1, 0, 0, 0, Outcome.SKIPPED, reason + " (and no register maps to plan from)");
            return new TestReport(platform, request.chip(), request.mode(), request.seed(), List.of(nothing), 0, 0);
        }
        // Planned as the bus SPI would reach the registers, so the skipped checks are the ones that would have run.
        return TestRunner.skipAll(platform, request, blocks, SPI_WIDTHS, reason, listener);
    }

    private static final RegisterAccess SPI_WIDTHS = new RegisterAccess() {
        @Override
        public boolean supportsWidth(int widthBits) {
            return widthBits == 32 || widthBits == 64;
        }

        @Override
        public long read(long address, int widthBits) {
            throw new IllegalStateException("no platform");
        }

        @Override
        public void write(long address, int widthBits, long value) {
            throw new IllegalStateException("no platform");
        }

        @Override
        public long deviceTimeNanos() {
            return 0;
        }
    };

    private static PlatformKind kind(String name) {
        try {
            return PlatformKind.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HITL configuration " + PID + ": unknown platform '" + name + "'; known: "
                    + Arrays.toString(PlatformKind.values()).toLowerCase(Locale.ROOT));
        }
    }

    private static Budget budget(PlatformKind kind, Config c) {
        return switch (kind) {
            case EMULATION -> new Budget(Duration.ofMillis(c.emulation_wall_ms()), Duration.ofMillis(c.emulation_device_ms()));
            case VERIFICATION -> new Budget(Duration.ofMillis(c.verification_wall_ms()), Duration.ofMillis(c.verification_device_ms()));
            case PRODUCTION -> new Budget(Duration.ofMillis(c.production_wall_ms()), Duration.ofMillis(c.production_device_ms()));
        };
    }
}
