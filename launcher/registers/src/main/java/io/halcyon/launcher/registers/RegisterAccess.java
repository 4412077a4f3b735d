package io.halcyon.launcher.registers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/**
 * Reads and writes one block's registers by name, as an operator asks: {@code hal:read}/{@code hal:write}
 * and the web console's register view and write form. Every refusal is an
 * {@link IllegalArgumentException} with a one-line reason, thrown before anything is written (guards
 * first: a partial write reads the register only after every assignment was checked).
 */
public final class RegisterAccess {

    private final HardwareBlock block;
    private final RegisterBus bus;

    public RegisterAccess(HardwareBlock block, RegisterBus bus) {
        this.block = block;
        this.bus = bus;
    }

    /** The refusal for a block name the chip does not have, listing the ones it has. */
    public static IllegalArgumentException unknownBlock(String name, Collection<String> blocks) {
        return new IllegalArgumentException("unknown block '" + name + "'; blocks: "
                + (blocks.isEmpty() ? "(none)" : String.join(", ", blocks)));
    }

    public HardwareBlock block() {
        return block;
    }

    /** The register named {@code name} (any case), or a refusal listing the block's registers. */
    public RegisterInfo register(String name) {
        return block.register(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown register '" + name + "' in block " + block.name() + "; registers: "
                        + block.registers().stream().map(RegisterInfo::name).collect(Collectors.joining(", "))));
    }

    /**
     * Reads a register. One whose read has side effects (read-to-clear, FIFO) is read only when
     * {@code sideEffectsAllowed}: the shell's {@code -f}, the web console's explicit option.
     */
    public long read(RegisterInfo reg, boolean sideEffectsAllowed) {
        if (reg.readHasSideEffects() && !sideEffectsAllowed) {
            throw new IllegalArgumentException(block.name() + "." + reg.name()
                    + " changes when read (read-to-clear or FIFO); repeat with hal:read -f to read it anyway");
        }
        long address = block.baseAddress() + reg.offset();
        return reg.width() == 64 ? bus.read64(address) : Integer.toUnsignedLong(bus.read32(address));
    }

    /** {@link #read} and the value decoded, one line per field. */
    public String readDecoded(String register, boolean sideEffectsAllowed) {
        RegisterInfo reg = register(register);
        return RegisterView.decode(block, reg, read(reg, sideEffectsAllowed));
    }

    /**
     * Writes a register: one whole value ({@code 0x..}, {@code 0b..} or decimal), or {@code FIELD=VALUE}
     * pairs, the other fields keeping their value (read first, unless every field is given) and
     * write-1-to-clear bits never written back.
     *
     * @return the line the shell prints, e.g. {@code wrote 0x0000002a to sysctrl.SCRATCH}
     */
    public String write(String register, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("usage: hal:write BLOCK REGISTER VALUE | FIELD=VALUE...");
        }
        RegisterInfo reg = register(register);
        String where = block.name() + "." + reg.name();
        long value;
        if (values.size() == 1 && !values.get(0).contains("=")) {
            value = Numbers.parse(values.get(0), where);
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
            // Every assignment is checked (names, writability, width) before the register is read.
            RegisterView.compose(block, reg, assignments, OptionalLong.of(0));
            OptionalLong current = OptionalLong.empty();
            if (!RegisterView.coversAllFields(reg, assignments)) {
                if (reg.readHasSideEffects()) {
                    throw new IllegalArgumentException(where + " changes when read, so a partial write cannot read it first: give every field");
                }
                current = OptionalLong.of(read(reg, false));
            }
            value = RegisterView.compose(block, reg, assignments, current);
        }
        long address = block.baseAddress() + reg.offset();
        if (reg.width() == 64) {
            bus.write64(address, value);
        } else {
            bus.write32(address, (int) value);
        }
        return String.format("wrote %s to %s%n", Numbers.hex(value, reg.width()), where);
    }
}
