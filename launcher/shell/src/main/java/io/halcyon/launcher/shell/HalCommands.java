package io.halcyon.launcher.shell;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.launcher.registers.RegisterAccess;

/**
 * The {@code hal:} shell commands. Every command works on chip instance 0 (the only one a host
 * drives today) and reads the hardware when it runs: nothing here caches chip state. Bad input
 * throws {@link IllegalArgumentException} with a one-line message naming what was wrong; the host
 * prints it and, for {@code halcyon run}, exits non-zero.
 */
@Component(service = Object.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=info", "osgi.command.function=blocks", "osgi.command.function=read",
        "osgi.command.function=write", "osgi.command.function=status"})
public class HalCommands {

    private static final String CHIP = "0";

    private final BundleContext context;
    private final Map<String, ServiceReference<HardwareBlock>> blocks = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile PlatformInfo platform;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile RegisterBus bus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile SystemControl systemControl;

    @Activate
    public HalCommands(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    void addBlock(ServiceReference<HardwareBlock> ref) {
        blocks.put(String.valueOf(ref.getProperty(HardwareBlock.BLOCK)).toLowerCase(), ref);
    }

    void removeBlock(ServiceReference<HardwareBlock> ref) {
        blocks.remove(String.valueOf(ref.getProperty(HardwareBlock.BLOCK)).toLowerCase(), ref);
    }

    @Descriptor("show the platform and the chip the host is attached to")
    public String info() {
        PlatformInfo p = requirePlatform();
        StringBuilder out = new StringBuilder();
        out.append(String.format("platform      %s (%s) %s%n", p.kind().name().toLowerCase(), p.description(), p.version()));
        out.append(String.format("chip instance %d%n", p.chipInstance()));
        out.append(String.format("capabilities  %s%n", p.capabilities().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        SystemControl sc = systemControl;
        out.append(String.format("chip          %s%n", sc == null ? "(no system-control driver)" : sc.identity()));
        out.append(String.format("device time   %d ns%n", requireBus().deviceTimeNanos()));
        return out.toString();
    }

    @Descriptor("list the chip's hardware blocks with their driver bundles and versions")
    public String blocks() {
        TextTable t = new TextTable("BLOCK", "BASE", "REGISTERS", "BUNDLE", "VERSION");
        for (ServiceReference<HardwareBlock> ref : blocks.values()) {
            HardwareBlock b = context.getService(ref);
            try {
                Bundle owner = ref.getBundle();
                t.row(b.name(), String.format("0x%08x", b.baseAddress()), String.valueOf(b.registers().size()),
                        owner == null ? "-" : owner.getSymbolicName(), owner == null ? "-" : owner.getVersion().toString());
            } finally {
                context.ungetService(ref);
            }
        }
        return t.toString();
    }

    @Descriptor("read a register and show its fields decoded; a register whose read has side effects (read-to-clear, FIFO) needs -f")
    public String read(
            @Descriptor("also read a register whose read has side effects (the read changes the chip)")
            @Parameter(names = {"-f", "--force"}, presentValue = "true", absentValue = "false") boolean force,
            @Descriptor("the block, e.g. sysctrl (hal:blocks lists them)") String block,
            @Descriptor("the register, e.g. VERSION") String register) {
        return withBlock(block, access -> access.readDecoded(register, force));
    }

    /** Any other arguments: the usage, rather than Gogo's "Cannot coerce". No descriptor, so help leaves it out. */
    public String read(String... args) {
        throw new IllegalArgumentException("usage: hal:read [-f] BLOCK REGISTER");
    }

    @Descriptor("write a register: a whole value, or FIELD=VALUE pairs (other fields keep their value; W1C bits are never written back)")
    public String write(
            @Descriptor("the block, e.g. sysctrl (hal:blocks lists them)") String block,
            @Descriptor("the register, e.g. SCRATCH") String register,
            @Descriptor("one value (0x.., 0b.. or decimal; too wide for the register is refused) or FIELD=VALUE pairs") String... values) {
        return withBlock(block, access -> access.write(register, List.of(values)));
    }

    @Descriptor("show the platform, the chip and every bundle with its version and state")
    public String status() {
        StringBuilder out = new StringBuilder(info()).append('\n');
        TextTable t = new TextTable("ID", "STATE", "BUNDLE", "VERSION");
        for (Bundle b : context.getBundles()) {
            t.row(String.valueOf(b.getBundleId()), state(b), b.getSymbolicName(), b.getVersion().toString());
        }
        return out.append(t).toString();
    }

    /** Runs {@code action} with the named block of chip 0 and its bus; an unknown name is refused with the known ones. */
    private <T> T withBlock(String name, java.util.function.Function<RegisterAccess, T> action) {
        ServiceReference<HardwareBlock> ref = blocks.get(name.toLowerCase());
        HardwareBlock block = ref == null ? null : context.getService(ref);
        if (block == null) {
            throw RegisterAccess.unknownBlock(name, blocks.keySet());
        }
        try {
            return action.apply(new RegisterAccess(block, requireBus()));
        } finally {
            context.ungetService(ref);
        }
    }

    private PlatformInfo requirePlatform() {
        PlatformInfo p = platform;
        if (p == null) {
            throw new IllegalStateException("no platform is attached to chip " + CHIP);
        }
        return p;
    }

    private RegisterBus requireBus() {
        RegisterBus b = bus;
        if (b == null) {
            throw new IllegalStateException("no register bus for chip " + CHIP);
        }
        return b;
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

}
