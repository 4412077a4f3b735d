package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;

/**
 * How chip-model paths become SystemVerilog and C++ identifiers. {@code CH[2].INT_STATUS} is
 * {@code CH2_INT_STATUS}; a field's hardware-side ports are {@code hwo_<register>_<field>} (its value,
 * out of the block) and {@code hwi_<register>_<field>_<what>} (into it). Double underscores are never
 * produced: Verilator escapes them in the C++ it generates.
 */
final class RtlNames {

    private RtlNames() {
    }

    /** A register or memory path as one identifier. */
    static String flat(String path) {
        String s = path.replace("[", "").replace("]", "").replace('.', '_');
        if (s.contains("__")) {
            throw new UnsupportedRtlException(path + ": a name with a double underscore cannot be a Verilator port");
        }
        return s;
    }

    static String field(RegisterSpec register, FieldSpec field) {
        return flat(register.path()) + "_" + field.name();
    }

    /** SystemVerilog literal of {@code value} in {@code width} bits. */
    static String literal(int width, long value) {
        return width + "'h" + Long.toHexString(value & (width >= 64 ? -1L : (1L << width) - 1));
    }

    /** Packed range {@code [width-1:0]}, or nothing for one bit. */
    static String range(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0] ";
    }
}
