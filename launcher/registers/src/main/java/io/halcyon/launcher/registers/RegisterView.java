package io.halcyon.launcher.registers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/**
 * Decodes register values into fields and builds register values from field assignments, using
 * only the block's register map. Pure: no bus access, so it is unit-tested on its own.
 */
public final class RegisterView {
    private RegisterView() {}

    /** A register value with each field decoded, one line per field. */
    public static String decode(HardwareBlock block, RegisterInfo reg, long value) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s.%s @ 0x%08x = %s%n", block.name(), reg.name(),
                block.baseAddress() + reg.offset(), Numbers.hex(value, reg.width())));
        for (FieldInfo f : reg.fields()) {
            long v = f.extract(value);
            String bits = f.lsb() == f.msb() ? "[" + f.lsb() + "]" : "[" + f.msb() + ":" + f.lsb() + "]";
            out.append(String.format("  %-8s %-16s %-4s %-10s (%d)%n", bits, f.name(), f.software().rdlName(),
                    Numbers.hex(v, f.width()), v));
        }
        return out.toString();
    }

    /**
     * The value to write when the user assigns some fields ({@code FIELD=value}) and leaves the
     * others alone. Fields not assigned keep {@code current} unless writing their current value back
     * would act on them (W1C and friends), in which case their neutral value is written instead.
     *
     * @param current the register's value as read, or empty when it was not read (all fields assigned)
     */
    public static long compose(HardwareBlock block, RegisterInfo reg, Map<String, Long> assignments, OptionalLong current) {
        String where = block.name() + "." + reg.name();
        Map<FieldInfo, Long> byField = new LinkedHashMap<>();
        for (Map.Entry<String, Long> a : assignments.entrySet()) {
            FieldInfo f = reg.field(a.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown field " + where + "." + a.getKey() + "; fields: " + fieldNames(reg)));
            if (!f.software().writable()) {
                throw new IllegalArgumentException(where + "." + f.name() + " is not software-writable (sw="
                        + f.software().rdlName() + ")");
            }
            Numbers.checkFits(a.getValue(), f.width(), where + "." + f.name());
            byField.put(f, a.getValue());
        }
        long value = 0;
        for (FieldInfo f : reg.fields()) {
            Long assigned = byField.get(f);
            long fieldValue;
            if (assigned != null) {
                fieldValue = assigned;
            } else if (f.neutralWrite().isPresent()) {
                fieldValue = f.neutralWrite().getAsLong();
            } else if (current.isPresent()) {
                fieldValue = f.extract(current.getAsLong());
            } else {
                throw new IllegalArgumentException("field " + where + "." + f.name() + " must be given: the register is not read before a write");
            }
            value |= (fieldValue << f.lsb()) & f.mask();
        }
        // Reserved bits are written back as read (or 0 when nothing was read).
        long reserved = ~reg.definedBits() & (reg.width() == 64 ? -1L : (1L << reg.width()) - 1);
        return value | (current.orElse(0) & reserved);
    }

    /** True when every field of the register is software-writable and named in the assignments. */
    public static boolean coversAllFields(RegisterInfo reg, Map<String, Long> assignments) {
        return reg.fields().stream().allMatch(f -> assignments.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(f.name())));
    }

    public static String fieldNames(RegisterInfo reg) {
        return String.join(", ", reg.fields().stream().map(FieldInfo::name).toList());
    }
}
