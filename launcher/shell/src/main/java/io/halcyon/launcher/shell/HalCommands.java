package io.halcyon.launcher.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
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
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.sysctrl.SystemControl;

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

    @Descriptor("read a register and show its fields decoded; registers whose read has side effects need -f")
    public String read(
            @Descriptor("block name, e.g. sysctrl") String block,
            @Descriptor("register name, e.g. VERSION") String register) {
        return read(block, register, false);
    }

    @Descriptor("read a register; -f allows registers whose read has side effects (read-to-clear, FIFOs)")
    public String read(@Descriptor("-f") String force, String block, String register) {
        if (!"-f".equals(force)) {
            throw new IllegalArgumentException("usage: hal:read [-f] BLOCK REGISTER");
        }
        return read(block, register, true);
    }

    private String read(String blockName, String registerName, boolean sideEffectsAllowed) {
        return withBlock(blockName, block -> {
            RegisterInfo reg = register(block, registerName);
            if (reg.readHasSideEffects() && !sideEffectsAllowed) {
                throw new IllegalArgumentException(block.name() + "." + reg.name()
                        + " changes when read (read-to-clear or FIFO); repeat with hal:read -f to read it anyway");
            }
            return RegisterView.decode(block, reg, readRaw(block, reg));
        });
    }

    @Descriptor("write a register: a whole value, or FIELD=value pairs (other fields keep their value; W1C bits are not written back)")
    public String write(
            @Descriptor("block name") String block,
            @Descriptor("register name") String register,
            @Descriptor("a value (0x.., 0b.., decimal) or FIELD=value ...") String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("usage: hal:write BLOCK REGISTER VALUE | FIELD=VALUE...");
        }
        return withBlock(block, b -> {
            RegisterInfo reg = register(b, register);
            String where = b.name() + "." + reg.name();
            long value;
            if (values.length == 1 && !values[0].contains("=")) {
                value = Numbers.parse(values[0], where);
                Numbers.checkFits(value, reg.width(), where);
            } else {
                Map<String, Long> assignments = new LinkedHashMap<>();
                for (String v : values) {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("expected FIELD=VALUE, got '" + v + "'");
                    }
                    assignments.put(v.substring(0, eq), Numbers.parse(v.substring(eq + 1), where + "." + v.substring(0, eq)));
                }
                OptionalLong current = OptionalLong.empty();
                if (!RegisterView.coversAllFields(reg, assignments)) {
                    if (reg.readHasSideEffects()) {
                        throw new IllegalArgumentException(where + " changes when read, so a partial write cannot read it first: give every field");
                    }
                    current = OptionalLong.of(readRaw(b, reg));
                }
                value = RegisterView.compose(b, reg, assignments, current);
            }
            writeRaw(b, reg, value);
            return String.format("wrote %s to %s%n", Numbers.hex(value, reg.width()), where);
        });
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

    private long readRaw(HardwareBlock block, RegisterInfo reg) {
        long address = block.baseAddress() + reg.offset();
        return reg.width() == 64 ? requireBus().read64(address) : Integer.toUnsignedLong(requireBus().read32(address));
    }

    private void writeRaw(HardwareBlock block, RegisterInfo reg, long value) {
        long address = block.baseAddress() + reg.offset();
        if (reg.width() == 64) {
            requireBus().write64(address, value);
        } else {
            requireBus().write32(address, (int) value);
        }
    }

    private <T> T withBlock(String name, java.util.function.Function<HardwareBlock, T> action) {
        ServiceReference<HardwareBlock> ref = blocks.get(name.toLowerCase());
        HardwareBlock block = ref == null ? null : context.getService(ref);
        if (block == null) {
            throw new IllegalArgumentException("unknown block '" + name + "'; blocks: "
                    + (blocks.isEmpty() ? "(none)" : String.join(", ", blocks.keySet())));
        }
        try {
            return action.apply(block);
        } finally {
            context.ungetService(ref);
        }
    }

    private static RegisterInfo register(HardwareBlock block, String name) {
        return block.register(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown register '" + name + "' in block " + block.name() + "; registers: "
                        + block.registers().stream().map(RegisterInfo::name).collect(Collectors.joining(", "))));
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
