package io.halcyon.rdl.generator;

/** Builds Java source text line by line with indentation, and prints literals of the register's width. */
public final class SourceWriter {

    private final StringBuilder out = new StringBuilder();
    private int indent;

    public SourceWriter line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent));
        }
        out.append(text).append('\n');
        return this;
    }

    public SourceWriter line(String format, Object... args) {
        return line(String.format(format, args));
    }

    public SourceWriter open(String format, Object... args) {
        line(String.format(format, args) + " {");
        indent++;
        return this;
    }

    public SourceWriter close() {
        indent--;
        return line("}");
    }

    /** A javadoc block; each argument is one paragraph, already escaped. Empty paragraphs are skipped. */
    public SourceWriter javadoc(String... paragraphs) {
        line("/**");
        boolean first = true;
        for (String p : paragraphs) {
            if (p == null || p.isBlank()) {
                continue;
            }
            line(" * " + (first || p.startsWith("@") ? "" : "<p>") + p);
            first = false;
        }
        return line(" */");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A literal of a register's bit type: int for 32-bit registers, long for 64-bit ones. */
    static String bits(long value, int width) {
        return width == 64 ? "0x" + Long.toHexString(value) + "L" : "0x" + Integer.toHexString((int) value);
    }

    public static String longLiteral(long value) {
        return "0x" + Long.toHexString(value) + "L";
    }
}
