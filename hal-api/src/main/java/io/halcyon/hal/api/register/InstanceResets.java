package io.halcyon.hal.api.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;

/**
 * The reset values one block instance has on its chip where they differ from its description: a chip
 * map gives each instance its own (fuses, identity, feature bits such as {@code tensor.FEATURES.BF16_MATMUL}
 * on generation 2), and a platform publishes them in the block configuration
 * ({@link io.halcyon.hal.api.chip.ChipProperties#RESETS}) as entries {@code REGISTER.FIELD=value}
 * ({@link #entry}). A block's register map applies them ({@link #apply}), so register tests, dumps and
 * health gates compare what the chip reads with this instance's values, not the description's.
 */
public final class InstanceResets {

    private InstanceResets() {
    }

    /** One entry: {@code FEATURES.BF16_MATMUL=0x1} (register path, field, value in hex). */
    public static String entry(String registerPath, String field, long value) {
        return registerPath + "." + field + "=0x" + Long.toHexString(value);
    }

    /**
     * The registers with the entries' reset values in place of the description's (register values
     * recomputed from their fields). An entry naming no register or field of the block, or not of the
     * form {@link #entry}, is refused: the configuration was made for another description.
     *
     * @throws IllegalArgumentException naming the entry
     */
    public static List<RegisterInfo> apply(List<RegisterInfo> registers, String... entries) {
        if (entries == null || entries.length == 0) {
            return registers;
        }
        Map<String, Long> resets = parse(entries);
        List<RegisterInfo> out = new ArrayList<>(registers.size());
        for (RegisterInfo r : registers) {
            out.add(apply(r, resets));
        }
        if (!resets.isEmpty()) {
            throw new IllegalArgumentException("instance reset " + resets.keySet().iterator().next()
                    + " names no field of the block's registers");
        }
        return List.copyOf(out);
    }

    private static RegisterInfo apply(RegisterInfo r, Map<String, Long> resets) {
        boolean changed = false;
        List<FieldInfo> fields = new ArrayList<>(r.fields().size());
        long value = r.resetValue();
        for (FieldInfo f : r.fields()) {
            Long reset = resets.remove(r.name() + "." + f.name());
            if (reset == null) {
                fields.add(f);
                continue;
            }
            changed = true;
            fields.add(withReset(f, reset));
            value = value & ~f.mask() | reset << f.lsb() & f.mask();
        }
        return changed ? new RegisterDescription(r.name(), r.offset(), r.width(), value, r.description(), fields, r.external(),
                r.aliasOf()) : r;
    }

    private static FieldInfo withReset(FieldInfo f, long reset) {
        return new FieldDescription(f.name(), f.lsb(), f.msb(), f.software(), f.hardware(), f.onRead(), f.onWrite(),
                OptionalLong.of(reset), f.singlePulse(), f.description(), f.dontTest(), f.dontCompare(), f.hardwareUpdated(),
                f.writeEnabledByHardware());
    }

    private static Map<String, Long> parse(String[] entries) {
        Map<String, Long> resets = new HashMap<>();
        for (String e : entries) {
            int eq = e.indexOf("=0x");
            if (eq <= 0) {
                throw new IllegalArgumentException("instance reset '" + e + "' is not REGISTER.FIELD=0xVALUE");
            }
            try {
                resets.put(e.substring(0, eq), Long.parseUnsignedLong(e.substring(eq + 3), 16));
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("instance reset '" + e + "' is not REGISTER.FIELD=0xVALUE");
            }
        }
        return resets;
    }
}
