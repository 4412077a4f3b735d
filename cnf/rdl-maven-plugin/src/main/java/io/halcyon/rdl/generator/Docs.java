package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.List;

/** Javadoc text taken from the description's name and desc properties, with offsets and access. */
final class Docs {

    private Docs() {
    }

    static String escaped(String text) {
        return text == null || text.isBlank() ? null : Names.javadoc(text);
    }

    /** E.g. {@code <b>Generation and revision</b> (VERSION, offset 0x4, 32 bits, reset 0x101).} */
    static String registerHeading(String block, RegisterType r) {
        StringBuilder b = new StringBuilder();
        String title = r.title() == null ? null : Names.oneLine(r.title());
        if (title != null && !title.isEmpty()) {
            b.append("<b>").append(Names.javadoc(title)).append("</b> ");
        }
        b.append("(").append(Names.javadoc(block + "." + r.key())).append(", offset 0x")
                .append(Long.toHexString(r.offset()));
        if (r.isArray()) {
            b.append(", array ").append(dims(r)).append(", stride ").append(strides(r));
        }
        b.append(", ").append(r.width()).append(" bits, reset 0x").append(Long.toHexString(r.reset())).append(").");
        return b.toString();
    }

    /**
     * The heading of a generated class: the register's, or for a class several registers share, the
     * definition's with the registers that use it (the first few: a block may have thousands).
     */
    static String classHeading(String block, RegisterClass c) {
        if (!c.shared()) {
            return registerHeading(block, c.shape());
        }
        RegisterType r = c.shape();
        List<String> users = c.registers().stream().limit(8).map(u -> u.key() + dims(u)).toList();
        String more = c.registers().size() > users.size() ? " and " + (c.registers().size() - users.size()) + " more" : "";
        String title = r.title() == null ? "" : Names.oneLine(r.title());
        return (title.isEmpty() ? "" : "<b>" + Names.javadoc(title) + "</b> ") + "(register type "
                + Names.javadoc(block + "." + r.typeName()) + ", " + r.width() + " bits, reset 0x" + Long.toHexString(r.reset())
                + "), shared by " + c.registers().size() + " registers of the block: " + Names.javadoc(String.join(", ", users))
                + more + ".";
    }

    /** E.g. {@code REVISION, bits 7:0, sw r, reset 0x1: Revision within the generation.} */
    static String fieldHeading(FieldModel f) {
        List<String> facts = new ArrayList<>();
        facts.add("bits " + f.msb() + ":" + f.lsb());
        facts.add("sw " + f.sw());
        if (f.onread() != null) {
            facts.add(f.onread());
        }
        if (f.onwrite() != null) {
            facts.add(f.onwrite());
        }
        if (f.singlepulse()) {
            facts.add("singlepulse");
        }
        if (f.reset() != null) {
            facts.add("reset 0x" + Long.toHexString(f.reset()));
        }
        String head = "<b>" + Names.javadoc(f.title() != null ? f.title() : f.instName()) + "</b> ("
                + String.join(", ", facts) + ")";
        String summary = f.desc() == null ? "" : Names.javadoc(Names.oneLine(f.desc()));
        return summary.isEmpty() ? head + "." : head + ": " + summary;
    }

    static String dims(RegisterType r) {
        StringBuilder b = new StringBuilder();
        for (int d : r.dims()) {
            b.append('[').append(d).append(']');
        }
        return b.toString();
    }

    static String strides(RegisterType r) {
        List<String> s = new ArrayList<>();
        for (long st : r.strides()) {
            s.add("0x" + Long.toHexString(st));
        }
        return String.join(" x ", s);
    }

    /** A field's read and write side effects for register maps: {@code rclr, woclr}, or {@code -}. */
    static String effects(FieldModel f) {
        List<String> e = new ArrayList<>();
        if (f.onread() != null) {
            e.add(f.onread());
        } else if (f.readSideEffect()) {
            e.add("read notifies hardware");
        }
        if (f.onwrite() != null) {
            e.add(f.onwrite());
        }
        if (f.singlepulse()) {
            e.add("singlepulse");
        }
        return e.isEmpty() ? "-" : String.join(", ", e);
    }

    /** What software may do with the register as a whole, in the terms of Linux regmap. */
    static String access(RegisterPolicy p) {
        String rw = p.readable && p.writable ? "RW" : p.readable ? "RO" : p.writable ? "WO" : "-";
        return p.readSideEffect ? rw + ", read has side effects" : rw;
    }

    /** The register's anchor in a register map page: its key in lower case, {@code ch-head}. */
    static String anchor(RegisterType r) {
        return r.key().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
