package io.halcyon.rdl.generator;

import java.util.List;
import java.util.Locale;

import io.halcyon.rdl.compiler.model.EnumType;
import io.halcyon.rdl.compiler.model.FieldNode;

/**
 * One field as the generator needs it: bits, access, the description's text and its test metadata.
 * The names of the register-map enum constants ({@code Access}, {@code ReadEffect}, {@code WriteEffect})
 * are decided here once, for the generated map's source and for {@link RegisterMaps} alike.
 */
record FieldModel(String instName, String title, String desc, int lsb, int msb, String sw, String hw,
        String onread, String onwrite, boolean singlepulse, Long reset, EnumType encode, boolean readSideEffect,
        boolean dontTest, boolean dontCompare, boolean hardwareUpdated, boolean writeEnabledByHardware, boolean msb0) {

    /** @param msb0 the register's fields are given msb0 (bit 0 is the register's most significant bit) */
    static FieldModel of(FieldNode f, boolean msb0) {
        // swacc/rd_swacc tell the hardware about reads (that is how FIFOs pop), so such reads act too.
        boolean readNotified = Boolean.TRUE.equals(f.property("swacc")) || Boolean.TRUE.equals(f.property("rd_swacc"));
        String title = f.properties().get("name") instanceof String s ? s : null;
        String hw = f.hw() == null ? "rw" : f.hw();
        // Besides hw=w/rw, hardware changes a counter, an interrupt, and a field with a hardware set or clear.
        boolean hardwareUpdated = hw.contains("w") || f.counter() || f.interrupt() || enabled(f, "hwset")
                || enabled(f, "hwclr");
        return new FieldModel(f.instName(), title, f.desc(), f.lsb(), f.msb(),
                f.sw() == null ? "rw" : f.sw(), hw, f.onread(),
                f.onwrite(), f.singlepulse(), f.reset(), f.encode(), f.onread() != null || readNotified,
                f.donttest(), f.dontcompare(), hardwareUpdated, enabled(f, "swwe") || enabled(f, "swwel"), msb0);
    }

    /** A boolean-or-reference property that is set: true, or a reference to a signal or field. */
    private static boolean enabled(FieldNode f, String property) {
        Object v = f.property(property);
        return v != null && !Boolean.FALSE.equals(v);
    }

    int width() {
        return msb - lsb + 1;
    }

    /** The field's bits in place. */
    long mask() {
        return ones() << lsb;
    }

    /** The field's bits shifted down to bit 0. */
    long ones() {
        return width() == 64 ? -1L : (1L << width()) - 1;
    }

    boolean readable() {
        return sw.startsWith("r");
    }

    WriteAction writeAction() {
        return WriteAction.of(sw, onwrite, singlepulse);
    }

    /**
     * The reset value as a bus read returns it in the field's bits: an msb0 field's value is mirrored
     * there (its value bit 0 is the field's highest bus bit). Null when there is no constant reset.
     */
    Long busReset() {
        if (reset == null || !msb0) {
            return reset;
        }
        return Long.reverse(reset & ones()) >>> (64 - width());
    }

    /** The register's reset value as a bus read returns it: every field's {@link #busReset()} in place. */
    static long busReset(List<FieldModel> fields) {
        long v = 0;
        for (FieldModel f : fields) {
            Long r = f.busReset();
            if (r != null) {
                v |= (r & f.ones()) << f.lsb();
            }
        }
        return v;
    }

    /** The {@code Access} constant of the software access. */
    String softwareAccess() {
        return sw.toUpperCase(Locale.ROOT);
    }

    /** The {@code Access} constant of the hardware access. */
    String hardwareAccess() {
        return hw.toUpperCase(Locale.ROOT);
    }

    /** The {@code ReadEffect} constant: rclr/rset/ruser as such; a read the hardware is told about (swacc, rd_swacc) acts as a user effect. */
    String readEffect() {
        if (onread != null) {
            return switch (onread) {
                case "rclr" -> "CLEAR";
                case "rset" -> "SET";
                default -> "USER";
            };
        }
        return readSideEffect ? "USER" : "NONE";
    }

    /** The {@code WriteEffect} constant. */
    String writeEffect() {
        return onwrite == null ? "NONE" : onwrite.toUpperCase(Locale.ROOT);
    }

    /** One line for javadoc and register maps: the desc, else the name, else nothing. */
    String summary() {
        if (desc != null && !desc.isBlank()) {
            return Names.oneLine(desc);
        }
        return title == null ? "" : Names.oneLine(title);
    }
}
