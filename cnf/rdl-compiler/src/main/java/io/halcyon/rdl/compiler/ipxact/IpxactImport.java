package io.halcyon.rdl.compiler.ipxact;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An IP-XACT component's register map (IEEE 1685-2014 or 1685-2009) as SystemRDL text, which the
 * SystemRDL front end then elaborates like any description: so an imported block is the same model,
 * with the same rules, as one written in SystemRDL, and the register code, BUTR, the emulation and
 * chip maps take it unchanged. {@code `line} directives before each generated definition point
 * back into the XML, so an error the elaboration finds names the element's line.
 *
 * <p>What maps, and how: the component is the top {@code addrmap} (its name); a memory map with one
 * address block puts its registers straight in it, at the block's base plus their offset, several
 * blocks become nested addrmaps; a block of {@code usage} memory is an external {@code mem}, one of
 * usage reserved holds nothing to access and is left out. Registers keep name, size, offset and
 * {@code dim} (arrays, stride its size); fields their bits, {@code access} (read-write rw, read-only
 * r, write-only w, read-writeOnce rw1, writeOnce w1; inherited from the register, then the block),
 * {@code modifiedWriteValue} (oneToClear woclr, oneToSet woset, oneToToggle wot, zeroToClear wzc,
 * zeroToSet wzs, zeroToToggle wzt, clear wclr, set wset, modify wuser), {@code readAction} (clear rclr,
 * set rset, modify ruser), reset values (1685-2014 per field, 1685-2009 per register, with masks),
 * {@code enumeratedValues} (an encoding), {@code testable} false (donttest), and hardware access from
 * {@code volatile} (hw=rw when the hardware changes the field, else r). Descriptions and display names
 * become desc and name. Elements around the register map (bus interfaces, model, file sets) are not
 * part of it; vendor extensions and type identifiers do not change it. Every other element of a
 * memory map, block, register or field is reported as unsupported where it is, never skipped.
 */
public final class IpxactImport {

    /** Children that carry nothing the register model needs, wherever they appear. */
    private static final Set<String> NO_EFFECT = Set.of("vendorExtensions", "typeIdentifier");

    private final Path file;
    private final IpxactSchema schema;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Long> parameters = new HashMap<>();

    private IpxactImport(Path file, IpxactSchema schema) {
        this.file = file;
        this.schema = schema;
    }

    /** True for a file the front end should read as IP-XACT rather than SystemRDL. */
    public static boolean isIpxact(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /** The SystemRDL text of the component's register map. */
    public static String toSystemRdl(Path file) {
        XmlElement root = XmlReader.read(file);
        IpxactImport i = new IpxactImport(file, IpxactSchema.of(root));
        i.component(root);
        return i.out.toString();
    }

    private RdlException unsupported(XmlElement e, String where) {
        return new RdlException(e.location(), "unsupported IP-XACT element <" + e.name() + "> in " + where
                + ": the register model has nothing it maps to, and it is not left out silently");
    }

    /** Every child of {@code e} is one of {@code mapped} or has no effect, else it is reported as unsupported. */
    private void only(XmlElement e, String where, String... mapped) {
        Set<String> known = Set.of(mapped);
        for (XmlElement c : e.children()) {
            if (!known.contains(c.name()) && !NO_EFFECT.contains(c.name())) {
                throw unsupported(c, where);
            }
        }
    }

    private String required(XmlElement e, String child) {
        String v = e.childText(child);
        if (v == null || v.isEmpty()) {
            throw new RdlException(e.location(), "<" + e.name() + "> needs a <" + child + ">");
        }
        return v;
    }

    private long number(XmlElement e, String child) {
        XmlElement c = e.child(child);
        if (c == null) {
            throw new RdlException(e.location(), "<" + e.name() + "> needs a <" + child + ">");
        }
        return IpxactExpression.evaluate(c.text(), parameters, c.location());
    }

    private void line(XmlElement e) {
        out.append("`line ").append(e.location().line()).append(" \"").append(file).append("\" 0\n");
    }

    private void component(XmlElement root) {
        parameters(root);
        String name = required(root, "name");
        XmlElement maps = root.child("memoryMaps");
        List<XmlElement> memoryMaps = maps == null ? List.of() : maps.children("memoryMap");
        if (memoryMaps.isEmpty()) {
            throw new RdlException(root.location(), "component " + name + " has no <memoryMap>: it describes no registers");
        }
        if (memoryMaps.size() > 1) {
            throw new RdlException(memoryMaps.get(1).location(), "component " + name + " has " + memoryMaps.size()
                    + " memory maps; a block description imports one (split the component)");
        }
        XmlElement map = memoryMaps.get(0);
        line(root);
        out.append("addrmap ").append(id(name, root)).append(" {\n");
        text(root, "    ");
        memoryMap(map);
        out.append("};\n");
    }

    /** The component's (or a block's) parameters, by name and by id, for expressions. */
    private void parameters(XmlElement owner) {
        XmlElement ps = owner.child("parameters");
        if (ps == null) {
            return;
        }
        for (XmlElement p : ps.children("parameter")) {
            XmlElement value = p.child("value");
            if (value == null) {
                continue;
            }
            long v = IpxactExpression.evaluate(value.text(), parameters, value.location());
            parameters.put(required(p, "name"), v);
            for (String id : new String[] {p.attribute("parameterId"), value.attribute("id")}) {
                if (id != null) {
                    parameters.put(id, v);
                }
            }
        }
    }

    private void memoryMap(XmlElement map) {
        String where = "memory map " + map.childText("name");
        List<XmlElement> blocks = map.children("addressBlock").stream().filter(this::present).toList();
        only(map, where, "name", "displayName", "description", "isPresent", "addressBlock", "shared", "addressUnitBits");
        XmlElement unitBits = map.child("addressUnitBits");
        if (unitBits != null && number(map, "addressUnitBits") != 8) {
            throw new RdlException(unitBits.location(), "addressUnitBits " + unitBits.text()
                    + " is not supported: registers are addressed in bytes (8 bits)");
        }
        boolean nested = blocks.size() > 1;
        for (XmlElement b : blocks) {
            addressBlock(b, nested);
        }
    }

    private boolean present(XmlElement e) {
        XmlElement p = e.child("isPresent");
        if (p == null) {
            return true;
        }
        String t = p.text();
        return !(t.equals("false") || !t.equals("true") && IpxactExpression.evaluate(t, parameters, p.location()) == 0);
    }

    private void addressBlock(XmlElement block, boolean nested) {
        String name = required(block, "name");
        parameters(block);
        long base = number(block, "baseAddress");
        String usage = block.childText("usage") == null ? "register" : block.childText("usage");
        String where = "address block " + name;
        only(block, where, "name", "displayName", "description", "isPresent", "baseAddress", "range", "width",
                "usage", "volatile", "access", "parameters", "register");
        switch (usage) {
            case "reserved" -> {
                return; // address space set aside: nothing to access, nothing in the register model
            }
            case "memory" -> {
                memory(block, name, base);
                return;
            }
            case "register" -> { }
            default -> throw new RdlException(block.child("usage").location(), "unknown usage '" + usage
                    + "' (expected register, memory or reserved)");
        }
        String indent = nested ? "        " : "    ";
        if (nested) {
            line(block);
            out.append("    addrmap {\n");
            text(block, indent);
        }
        Inherited inherited = new Inherited(block.childText("access"), bool(block, "volatile", false));
        for (XmlElement r : block.children("register")) {
            if (present(r)) {
                register(r, nested ? 0 : base, inherited, indent);
            }
        }
        if (nested) {
            line(block);
            out.append("    } ").append(id(name, block)).append(" @ ").append(hex(base)).append(";\n");
        }
    }

    private void memory(XmlElement block, String name, long base) {
        long width = number(block, "width");
        long range = number(block, "range");
        line(block);
        out.append("    external mem {\n");
        text(block, "        ");
        out.append("        mementries = ").append(range * 8 / width).append(";\n");
        out.append("        memwidth = ").append(width).append(";\n");
        out.append("        sw = ").append(software(block.child("access"), block.childText("access"))).append(";\n");
        line(block);
        out.append("    } ").append(id(name, block)).append(" @ ").append(hex(base)).append(";\n");
    }

    /** Access and volatility a register or field takes from its container when it says nothing. */
    private record Inherited(String access, boolean isVolatile) {
    }

    private void register(XmlElement reg, long base, Inherited outer, String indent) {
        String name = required(reg, "name");
        String where = "register " + name;
        only(reg, where, "name", "displayName", "description", "isPresent", "dim", "addressOffset", "size",
                "volatile", "access", "reset", "field", "parameters");
        long size = number(reg, "size");
        long offset = base + number(reg, "addressOffset");
        Inherited inherited = new Inherited(reg.childText("access") != null ? reg.childText("access") : outer.access(),
                bool(reg, "volatile", outer.isVolatile()));
        Reset registerReset = schema == IpxactSchema.IEEE_1685_2009 ? registerReset(reg) : null;
        line(reg);
        out.append(indent).append("reg {\n");
        String inner = indent + "    ";
        out.append(inner).append("regwidth = ").append(size).append(";\n");
        text(reg, inner);
        for (XmlElement f : reg.children("field")) {
            if (present(f)) {
                field(f, inherited, registerReset, inner, name);
            }
        }
        line(reg); // errors about the instance (overlaps, arrays) point at the register's element
        out.append(indent).append("} ").append(id(name, reg));
        for (XmlElement d : reg.children("dim")) {
            out.append('[').append(IpxactExpression.evaluate(d.text(), parameters, d.location())).append(']');
        }
        out.append(" @ ").append(hex(offset));
        if (reg.child("dim") != null) {
            out.append(" += ").append(hex((size + 7) / 8));
        }
        out.append(";\n");
    }

    /** A reset value and the bits it sets (1685-2009 gives one per register, 1685-2014 one per field). */
    private record Reset(long value, long mask, XmlElement where) {
    }

    private Reset registerReset(XmlElement reg) {
        XmlElement reset = reg.child("reset");
        if (reset == null) {
            return null;
        }
        long value = number(reset, "value");
        long mask = reset.child("mask") == null ? -1L : number(reset, "mask");
        return new Reset(value, mask, reset);
    }

    private Reset fieldReset(XmlElement field) {
        XmlElement resets = field.child("resets");
        if (resets == null) {
            return null;
        }
        for (XmlElement r : resets.children("reset")) {
            if (r.attribute("resetTypeRef") == null) {
                return new Reset(number(r, "value"), r.child("mask") == null ? -1L : number(r, "mask"), r);
            }
        }
        throw new RdlException(resets.location(), "only resets of a named reset type: the register model has one reset"
                + " (give a <reset> without resetTypeRef)");
    }

    private void field(XmlElement field, Inherited inherited, Reset registerReset, String indent, String register) {
        String name = required(field, "name");
        String where = "field " + register + "." + name;
        only(field, where, "name", "displayName", "description", "isPresent", "bitOffset", "bitWidth", "resets",
                "volatile", "access", "modifiedWriteValue", "readAction", "testable", "enumeratedValues",
                "parameters");
        long lsb = number(field, "bitOffset");
        long width = number(field, "bitWidth");
        long ones = width >= 64 ? -1L : (1L << width) - 1;
        String access = field.childText("access") != null ? field.childText("access") : inherited.access();
        String sw = software(field.child("access") != null ? field.child("access") : field, access);
        boolean isVolatile = bool(field, "volatile", inherited.isVolatile());
        String enumName = enumeration(field, register, name, indent);
        line(field);
        out.append(indent).append("field {\n");
        String inner = indent + "    ";
        out.append(inner).append("sw = ").append(sw).append("; hw = ").append(isVolatile ? "rw" : "r").append(";\n");
        XmlElement mwv = field.child("modifiedWriteValue");
        if (mwv != null) {
            out.append(inner).append("onwrite = ").append(onWrite(mwv)).append(";\n");
        }
        XmlElement ra = field.child("readAction");
        if (ra != null) {
            out.append(inner).append("onread = ").append(onRead(ra)).append(";\n");
        }
        Reset reset = registerReset != null ? shifted(registerReset, lsb, ones) : fieldReset(field);
        if (reset != null) {
            long covered = reset.mask() & ones;
            if (covered == ones) {
                if ((reset.value() & ~ones) != 0) {
                    throw new RdlException(reset.where().location(), "reset value 0x" + Long.toHexString(reset.value())
                            + " of " + where + " does not fit its " + width + " bits");
                }
                out.append(inner).append("reset = ").append(hex(reset.value())).append(";\n");
            } else if (covered != 0) {
                throw new RdlException(reset.where().location(), "the reset mask covers part of " + where
                        + ": a field has a reset value for all its bits or none");
            }
        }
        XmlElement testable = field.child("testable");
        if (testable != null && testable.text().equals("false")) {
            out.append(inner).append("donttest;\n");
        }
        if (enumName != null) {
            out.append(inner).append("encode = ").append(enumName).append(";\n");
        }
        text(field, inner);
        line(field);
        out.append(indent).append("} ").append(id(name, field)).append('[').append(lsb + width - 1).append(':').append(lsb)
                .append("];\n");
    }

    /** The register reset's bits of one field, shifted down, with its mask. */
    private static Reset shifted(Reset r, long lsb, long ones) {
        return new Reset((r.value() >>> lsb) & ones, (r.mask() >>> lsb) & ones, r.where());
    }

    /** Declares the field's encoding before it, returning its SystemRDL name; null when it has none. */
    private String enumeration(XmlElement field, String register, String name, String indent) {
        XmlElement values = field.child("enumeratedValues");
        if (values == null) {
            return null;
        }
        // Declared in the register's scope, so the name only has to differ from the register's other encodings.
        String enumName = id(values.childText("name") != null ? values.childText("name") : name + "_e", values);
        line(values);
        out.append(indent).append("enum ").append(enumName).append(" {\n");
        for (XmlElement v : values.children("enumeratedValue")) {
            String usage = v.attribute("usage");
            if (usage != null && !usage.equals("read-write")) {
                throw new RdlException(v.location(), "an enumerated value for " + usage + " only: the register model has"
                        + " one encoding for reading and writing");
            }
            line(v);
            out.append(indent).append("    ").append(id(required(v, "name"), v)).append(" = ").append(hex(number(v, "value")));
            StringBuilder props = new StringBuilder();
            if (v.childText("displayName") != null) {
                props.append(" name = ").append(string(v.childText("displayName"))).append(';');
            }
            if (v.childText("description") != null) {
                props.append(" desc = ").append(string(v.childText("description"))).append(';');
            }
            out.append(props.length() == 0 ? "" : " {" + props + " }").append(";\n");
        }
        out.append(indent).append("};\n");
        return enumName;
    }

    private String software(XmlElement where, String access) {
        if (access == null) {
            return "rw";
        }
        return switch (access) {
            case "read-write" -> "rw";
            case "read-only" -> "r";
            case "write-only" -> "w";
            case "read-writeOnce" -> "rw1";
            case "writeOnce" -> "w1";
            default -> throw new RdlException(where.location(), "unknown access '" + access
                    + "' (expected read-write, read-only, write-only, read-writeOnce or writeOnce)");
        };
    }

    private static String onWrite(XmlElement e) {
        return switch (e.text()) {
            case "oneToClear" -> "woclr";
            case "oneToSet" -> "woset";
            case "oneToToggle" -> "wot";
            case "zeroToClear" -> "wzc";
            case "zeroToSet" -> "wzs";
            case "zeroToToggle" -> "wzt";
            case "clear" -> "wclr";
            case "set" -> "wset";
            case "modify" -> "wuser";
            default -> throw new RdlException(e.location(), "unknown modifiedWriteValue '" + e.text() + "'");
        };
    }

    private static String onRead(XmlElement e) {
        return switch (e.text()) {
            case "clear" -> "rclr";
            case "set" -> "rset";
            case "modify" -> "ruser";
            default -> throw new RdlException(e.location(), "unknown readAction '" + e.text() + "' (expected clear, set or modify)");
        };
    }

    private boolean bool(XmlElement e, String child, boolean dflt) {
        String v = e.childText(child);
        return v == null ? dflt : v.equals("true") || v.equals("1");
    }

    /** name and desc from displayName and description. */
    private void text(XmlElement e, String indent) {
        if (e.childText("displayName") != null) {
            out.append(indent).append("name = ").append(string(e.childText("displayName"))).append(";\n");
        }
        if (e.childText("description") != null) {
            out.append(indent).append("desc = ").append(string(e.childText("description"))).append(";\n");
        }
    }

    /** An escaped identifier: any IP-XACT name that is a SystemRDL keyword stays a name. */
    private static String id(String name, XmlElement where) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new RdlException(where.location(), "name '" + name + "' is not an identifier (letters, digits and _,"
                    + " not starting with a digit), which registers and fields need to be named in code");
        }
        return "\\" + name;
    }

    private static String string(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
