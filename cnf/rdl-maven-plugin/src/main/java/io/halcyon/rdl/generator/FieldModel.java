package io.halcyon.rdl.generator;

import io.halcyon.rdl.compiler.model.EnumType;
import io.halcyon.rdl.compiler.model.FieldNode;

/** One field as the generator needs it: bits, access and the description's text. */
record FieldModel(String instName, String title, String desc, int lsb, int msb, String sw, String hw,
        String onread, String onwrite, boolean singlepulse, Long reset, EnumType encode, boolean readSideEffect) {

    static FieldModel of(FieldNode f) {
        // swacc/rd_swacc tell the hardware about reads (that is how FIFOs pop), so such reads act too.
        boolean readNotified = Boolean.TRUE.equals(f.property("swacc")) || Boolean.TRUE.equals(f.property("rd_swacc"));
        String title = f.properties().get("name") instanceof String s ? s : null;
        return new FieldModel(f.instName(), title, f.desc(), f.lsb(), f.msb(),
                f.sw() == null ? "rw" : f.sw(), f.hw() == null ? "rw" : f.hw(), f.onread(),
                f.onwrite(), f.singlepulse(), f.reset(), f.encode(), f.onread() != null || readNotified);
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

    /** One line for javadoc and register maps: the desc, else the name, else nothing. */
    String summary() {
        if (desc != null && !desc.isBlank()) {
            return Names.oneLine(desc);
        }
        return title == null ? "" : Names.oneLine(title);
    }
}
