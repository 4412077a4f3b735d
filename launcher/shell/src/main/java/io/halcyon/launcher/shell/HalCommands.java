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
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.launcher.registers.RegisterAccess;

/**
 * The {@code hal:} shell commands. Every command that acts on a chip takes {@code --chip N} (default 0;
 * a chip the host does not have is refused in one line naming the chips it has) and reads the hardware
 * when it runs: nothing here caches chip state. Bad input
 * throws {@link IllegalArgumentException} with a one-line message naming what was wrong; the host
 * prints it and, for {@code halcyon run}, exits non-zero.
 */
@Component(service = Object.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=info", "osgi.command.function=blocks", "osgi.command.function=read",
        "osgi.command.function=write", "osgi.command.function=status"})
public class HalCommands {

    private final BundleContext context;
    /** By chip and block name. */
    private final Map<String, ServiceReference<HardwareBlock>> blocks = new ConcurrentSkipListMap<>();

    @Reference(service = PlatformInfo.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, PlatformInfo>> platforms;

    @Reference(service = RegisterBus.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, RegisterBus>> buses;

    @Reference(service = SystemControl.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, SystemControl>> systemControls;

    @Activate
    public HalCommands(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBlock(ServiceReference<HardwareBlock> ref) {
        blocks.put(key(ref), ref);
    }

    void removeBlock(ServiceReference<HardwareBlock> ref) {
        blocks.remove(key(ref), ref);
    }

    /** {@code 0/sysctrl}: the chip, then the block name, so one chip's blocks sort together. */
    private static String key(ServiceReference<HardwareBlock> ref) {
        return key(String.valueOf(ref.getProperty(ChipProperties.CHIP)), String.valueOf(ref.getProperty(HardwareBlock.BLOCK)));
    }

    private static String key(String chip, String block) {
        return String.format("%4s/%s", chip, block.toLowerCase());
    }

    /** The blocks of {@code chip}, by name. */
    private Map<String, ServiceReference<HardwareBlock>> blocksOf(int chip) {
        String prefix = key(String.valueOf(chip), "");
        Map<String, ServiceReference<HardwareBlock>> mine = new java.util.TreeMap<>();
        blocks.forEach((k, ref) -> {
            if (k.startsWith(prefix)) {
                mine.put(k.substring(prefix.length()), ref);
            }
        });
        return mine;
    }

    private List<Integer> chips() {
        return PerChip.chipsOf(platforms);
    }

    @Descriptor("show the platform and the chip the host is attached to")
    public String info(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip) {
        PlatformInfo p = PerChip.require(platforms, chip, chips(), "platform");
        StringBuilder out = new StringBuilder();
        out.append(String.format("platform      %s (%s) %s%n", p.kind().name().toLowerCase(), p.description(), p.version()));
        out.append(String.format("chip instance %d%n", p.chipInstance()));
        out.append(String.format("capabilities  %s%n", p.capabilities().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        SystemControl sc = PerChip.pick(systemControls, chip).orElse(null);
        out.append(String.format("chip          %s%n", sc == null ? "(no system-control driver)" : sc.identity()));
        out.append(String.format("device time   %d ns%n", requireBus(chip).deviceTimeNanos()));
        return out.toString();
    }

    @Descriptor("list the chip's hardware blocks with their driver bundles and versions")
    public String blocks(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip) {
        PerChip.requireChip(chip, chips());
        TextTable t = new TextTable("BLOCK", "BASE", "REGISTERS", "BUNDLE", "VERSION");
        for (ServiceReference<HardwareBlock> ref : blocksOf(chip).values()) {
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
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip,
            @Descriptor("the block, e.g. sysctrl (hal:blocks lists them)") String block,
            @Descriptor("the register, e.g. VERSION") String register) {
        return withBlock(chip, block, access -> access.readDecoded(register, force));
    }

    /** Any other arguments: the usage, rather than Gogo's "Cannot coerce". No descriptor, so help leaves it out. */
    public String read(String... args) {
        throw new IllegalArgumentException("usage: hal:read [-f] [--chip N] BLOCK REGISTER");
    }

    @Descriptor("write a register: a whole value, or FIELD=VALUE pairs (other fields keep their value; W1C bits are never written back)")
    public String write(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip,
            @Descriptor("the block, e.g. sysctrl (hal:blocks lists them)") String block,
            @Descriptor("the register, e.g. SCRATCH") String register,
            @Descriptor("one value (0x.., 0b.. or decimal; too wide for the register is refused) or FIELD=VALUE pairs") String... values) {
        return withBlock(chip, block, access -> access.write(register, List.of(values)));
    }

    @Descriptor("show the platform, the chip and every bundle with its version and state")
    public String status(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip) {
        StringBuilder out = new StringBuilder(info(chip)).append('\n');
        TextTable t = new TextTable("ID", "STATE", "BUNDLE", "VERSION");
        for (Bundle b : context.getBundles()) {
            t.row(String.valueOf(b.getBundleId()), state(b), b.getSymbolicName(), b.getVersion().toString());
        }
        return out.append(t).toString();
    }

    /** Runs {@code action} with the named block of {@code chip} and its bus; an unknown name is refused with the known ones. */
    private <T> T withBlock(int chip, String name, java.util.function.Function<RegisterAccess, T> action) {
        PerChip.requireChip(chip, chips());
        Map<String, ServiceReference<HardwareBlock>> mine = blocksOf(chip);
        ServiceReference<HardwareBlock> ref = mine.get(name.toLowerCase());
        HardwareBlock block = ref == null ? null : context.getService(ref);
        if (block == null) {
            throw RegisterAccess.unknownBlock(name, mine.keySet());
        }
        try {
            return action.apply(new RegisterAccess(block, requireBus(chip)));
        } finally {
            context.ungetService(ref);
        }
    }

    private RegisterBus requireBus(int chip) {
        return PerChip.require(buses, chip, chips(), "register bus");
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
