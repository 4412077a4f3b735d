package io.halcyon.rdl.generator;

import java.util.List;

/**
 * Writes the immutable value type of one register: typed getters for fields software can read,
 * {@code withX} for fields whose written value is stored (or pulses), nothing for the others.
 */
final class ValueTypeWriter {

    private final JavaNames names;
    private final String pkg;

    ValueTypeWriter(JavaNames names, String pkg) {
        this.names = names;
        this.pkg = pkg;
    }

    String write(RegisterClass c) {
        RegisterType r = c.shape();
        String cls = c.valueClass();
        int w = r.width();
        String t = w == 64 ? "long" : "int";
        long defined = 0;
        for (FieldModel f : r.fields()) {
            defined |= f.mask();
        }
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        boolean encoded = r.fields().stream().anyMatch(f -> f.readable() && f.encode() != null);
        boolean plain = r.fields().stream().anyMatch(f -> f.readable() && f.encode() == null);
        if (encoded || plain) {
            s.line("import java.util.List;").line("");
        }
        if (encoded) {
            s.line("import io.halcyon.hal.api.register.EncodedField;");
        }
        s.line("import io.halcyon.hal.api.register.FieldValueTooWideException;");
        if (encoded || plain) {
            s.line("import io.halcyon.hal.api.register.RegisterField;");
        }
        s.line("import io.halcyon.hal.api.register.RegisterValue;").line("");
        s.javadoc(Docs.classHeading(names.block, c), Docs.escaped(r.desc()),
                "An immutable value of the register: getters for the fields software can read, {@code withX} for"
                        + " the fields whose written value is stored. Bits outside the fields are reserved and"
                        + " carried unchanged. {@code new " + cls + "(bits)} or {@link #fromBits} make a value with"
                        + " exactly those bits, reserved ones included (e.g. from a batched read).",
                "Generated from the block's SystemRDL description; do not edit.",
                "@param bits all bits of the value, reserved ones included");
        // A record, not a final class: the JIT trusts a record's final field, so RESET.withX(...) folds to a
        // constant like a hand-written mask does; a final field of a plain class is loaded on every use.
        s.open("public record %s(%s bits) implements RegisterValue", cls, t);
        s.javadoc("The value after reset (" + SourceWriter.bits(r.reset(), w) + ").");
        s.line("public static final %s RESET = new %s(%s);", cls, cls, SourceWriter.bits(r.reset(), w));
        s.javadoc("Bits covered by fields; the others are reserved.");
        s.line("public static final %s DEFINED_BITS = %s;", t, SourceWriter.bits(defined, w));
        for (FieldModel f : r.fields()) {
            String k = JavaNames.constant(f);
            s.line("");
            s.javadoc("Field " + f.instName() + ", bits " + f.msb() + ":" + f.lsb() + ".");
            s.line("public static final int %s_SHIFT = %d;", k, f.lsb());
            s.line("public static final int %s_WIDTH = %d;", k, f.width());
            s.line("public static final %s %s_MASK = %s;", t, k, SourceWriter.bits(f.mask(), w));
            if (f.readable()) {
                // A condition such as INDEX_FIELD.is(3) is what a driver waits for through the accessor.
                s.javadoc("Field " + f.instName() + " in conditions: {@code " + JavaNames.fieldConstant(f) + ".is(...)}.");
                if (f.encode() != null) {
                    String e = names.enumClass(f.encode());
                    s.line("public static final EncodedField<%s, %s> %s = new EncodedField<>(%s, %d, %d);", cls, e,
                            JavaNames.fieldConstant(f), Names.literal(f.instName()), f.lsb(), f.width());
                } else {
                    s.line("public static final RegisterField<%s> %s = new RegisterField<>(%s, %d, %d);", cls,
                            JavaNames.fieldConstant(f), Names.literal(f.instName()), f.lsb(), f.width());
                }
            }
        }
        List<String> readable = r.fields().stream().filter(FieldModel::readable)
                .map(f -> JavaNames.fieldConstant(f) + (f.encode() != null ? ".field()" : "")).toList();
        if (!readable.isEmpty()) {
            s.line("");
            s.javadoc("The fields software can read, lowest bit first: {@code EnumFields.match(...)} matches an API enum"
                    + " with them by name.");
            s.line("public static final List<RegisterField<%s>> FIELDS = List.of(%s);", cls, String.join(", ", readable));
        }
        s.line("");
        s.javadoc("A value with exactly these bits, reserved ones included (e.g. from a batched read).");
        s.open("public static %s fromBits(%s bits)", cls, t).line("return new %s(bits);", cls).close();
        s.line("").line("@Override");
        s.open("public long rawBits()").line(w == 64 ? "return bits;" : "return Integer.toUnsignedLong(bits);").close();
        for (FieldModel f : r.fields()) {
            writeField(s, c, f);
        }
        writeObjectMethods(s, c);
        s.close();
        return s.toString();
    }

    private void writeField(SourceWriter s, RegisterClass c, FieldModel f) {
        RegisterType r = c.shape();
        String cls = c.valueClass();
        FieldCode code = new FieldCode(f, r.width());
        String raw = code.rawType();
        String doc = Docs.fieldHeading(f);
        if (f.readable()) {
            s.line("");
            if (f.encode() != null) {
                String e = names.enumClass(f.encode());
                s.javadoc(doc, "Null when the hardware holds a value " + e + " does not name; see {@link #"
                        + JavaNames.rawGetter(f) + "()}.");
                s.open("public %s %s()", e, JavaNames.getter(f)).line("return %s.fromValue(%s());", e,
                        JavaNames.rawGetter(f)).close();
                s.line("");
                s.javadoc(doc, "The raw bits of the field, shifted down to bit 0.");
                s.open("public %s %s()", raw, JavaNames.rawGetter(f)).line("return %s;", code.get()).close();
            } else {
                s.javadoc(doc);
                s.open("public %s %s()", raw, JavaNames.getter(f)).line("return %s;", code.get()).close();
            }
        }
        if (!f.writeAction().settable()) {
            return;
        }
        s.line("");
        String pulse = f.writeAction() == WriteAction.PULSE
                ? "Single pulse: a written 1 acts for one cycle and the field reads back 0." : null;
        if (f.encode() != null) {
            String e = names.enumClass(f.encode());
            s.javadoc(doc, pulse, "@return a copy of this value with the field set to {@code value}");
            s.open("public %s %s(%s value)", cls, JavaNames.setter(f), e);
            String enumBits = r.width() == 64 ? "value.value()" : "(int) value.value()";
            s.line("return new %s(%s);", cls, code.set(enumBits));
            s.close();
            return;
        }
        s.javadoc(doc, pulse, "@return a copy of this value with the field set to {@code value}",
                code.tooWide("value") == null ? null
                        : "@throws FieldValueTooWideException if {@code value} has bits above the field's "
                                + f.width() + (f.width() == 1 ? " bit" : " bits"));
        s.open("public %s %s(%s value)", cls, JavaNames.setter(f), raw);
        String check = code.tooWide("value");
        if (check != null) {
            s.open("if (%s)", check);
            s.line("throw new FieldValueTooWideException(%s, %d, %s);", Names.literal(names.fieldPath(c, f)),
                    f.width(), code.asReportedLong("value"));
            s.close();
        }
        s.line("return new %s(%s);", cls, code.set("value"));
        s.close();
    }

    private void writeObjectMethods(SourceWriter s, RegisterClass c) {
        RegisterType r = c.shape();
        // equals and hashCode are the record's: equal bits, equal values.
        s.line("");
        s.javadoc("The register's name and every field's raw value, e.g. for logs.");
        s.line("@Override");
        s.open("public String toString()");
        StringBuilder expr = new StringBuilder(Names.literal(c.displayName() + "{"));
        boolean first = true;
        for (FieldModel f : r.fields()) {
            FieldCode code = new FieldCode(f, r.width());
            String value = code.rawType().equals("boolean") ? "((" + code.get() + ") ? 1 : 0)" : code.get();
            String hex = code.rawType().equals("long") ? "Long.toHexString(" + value + ")"
                    : "Integer.toHexString(" + value + ")";
            expr.append(" + ").append(Names.literal((first ? "" : ", ") + f.instName() + "=0x")).append(" + ")
                    .append(hex);
            first = false;
        }
        expr.append(" + \"}\"");
        s.line("return %s;", expr);
        s.close();
    }
}
