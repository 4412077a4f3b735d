package io.halcyon.rdl.generator;

import java.util.Locale;
import java.util.Set;

/** Turns description names into Java identifiers, and description text into safe Java text. */
public final class Names {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "_");

    private Names() {
    }

    /** {@code CHIP_ID} or {@code chipId} -> {@code ChipId}. */
    public static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                upperNext = true;
                continue;
            }
            boolean allCaps = name.equals(name.toUpperCase(Locale.ROOT));
            if (upperNext) {
                out.append(Character.toUpperCase(c));
            } else {
                // ALL_CAPS words become Capitalised; camelCase input keeps its humps.
                out.append(allCaps ? Character.toLowerCase(c) : c);
            }
            upperNext = false;
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, 'R');
        }
        return out.toString();
    }

    /** {@code CHIP_ID} -> {@code chipId}; keywords get a trailing underscore. */
    public static String camel(String name) {
        String p = pascal(name);
        String c = Character.toLowerCase(p.charAt(0)) + p.substring(1);
        return KEYWORDS.contains(c) ? c + "_" : c;
    }

    /** {@code chipId} -> {@code CHIPID}, {@code rx-data} -> {@code RX_DATA}: a constant-name prefix. */
    public static String constant(String name) {
        String c = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return Character.isDigit(c.charAt(0)) ? "_" + c : c;
    }

    /** Text for a javadoc comment: HTML-escaped, no comment terminator, no unicode escapes, no tags. */
    public static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("\\", "&#92;").strip();
    }

    /** A Java string literal, quotes included. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** One line for javadoc and register maps: the title (SystemRDL {@code name}) if given, else the desc, else nothing. */
    public static String titleOrDesc(String title, String desc) {
        if (title != null && !title.isBlank()) {
            return oneLine(title);
        }
        return desc == null ? "" : oneLine(desc);
    }

    /** Collapses a possibly multi-line description to one line. */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
