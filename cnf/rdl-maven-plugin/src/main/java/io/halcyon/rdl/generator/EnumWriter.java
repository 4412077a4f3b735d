package io.halcyon.rdl.generator;

import io.halcyon.rdl.compiler.model.EnumType;

/** Writes a Java enum for a SystemRDL enum used by a field's {@code encode}. */
final class EnumWriter {

    private final String pkg;

    EnumWriter(String pkg) {
        this.pkg = pkg;
    }

    String write(EnumType e, String cls) {
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.javadoc("Encoding " + Names.javadoc(e.name()) + " of the block's SystemRDL description.",
                "Generated; do not edit.");
        s.open("public enum %s implements io.halcyon.hal.api.register.Encoding", cls);
        for (int i = 0; i < e.members().size(); i++) {
            EnumType.Member m = e.members().get(i);
            String doc = m.displayName() == null ? "" : "<b>" + Names.javadoc(m.displayName()) + "</b> ";
            s.javadoc(doc + "(0x" + Long.toHexString(m.value()) + ")"
                    + (m.desc() == null ? "." : ": " + Names.javadoc(Names.oneLine(m.desc()))));
            s.line("%s(%s, %s)%s", constant(m.name()), SourceWriter.longLiteral(m.value()), Names.literal(description(m)),
                    i == e.members().size() - 1 ? ";" : ",");
        }
        s.line("").line("private final long value;").line("private final String description;").line("");
        s.open("%s(long value, String description)", cls).line("this.value = value;").line("this.description = description;").close();
        s.line("");
        s.javadoc("The field bits this member stands for.");
        s.line("@Override");
        s.open("public long value()").line("return value;").close();
        s.line("");
        s.javadoc("What the member means, from its {@code desc} in the description (else its name).");
        s.line("@Override");
        s.open("public String description()").line("return description;").close();
        s.line("");
        s.javadoc("The member for these field bits, or null if the encoding names none.");
        s.open("public static %s fromValue(long value)", cls);
        // An if-chain rather than a map: no boxing, and the JIT folds it when the value is known.
        for (EnumType.Member m : e.members()) {
            s.open("if (value == %s)", SourceWriter.longLiteral(m.value())).line("return %s;", constant(m.name())).close();
        }
        s.line("return null;");
        s.close();
        s.close();
        return s.toString();
    }

    /** The member's desc, else its display name, else its name: one line for messages. */
    private static String description(EnumType.Member m) {
        if (m.desc() != null && !m.desc().isBlank()) {
            return Names.oneLine(m.desc());
        }
        return m.displayName() != null && !m.displayName().isBlank() ? Names.oneLine(m.displayName()) : m.name();
    }

    private static String constant(String name) {
        String c = Names.constant(name);
        return c.equals("_") ? "_0" : c;
    }
}
