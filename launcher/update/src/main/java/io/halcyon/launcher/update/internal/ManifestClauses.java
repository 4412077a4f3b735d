package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OSGi manifest header grammar, as far as the manager reads it: clauses separated by commas,
 * each a list of names then {@code attribute=value} and {@code directive:=value} parameters
 * separated by semicolons, values possibly quoted (quoted values may hold commas and semicolons).
 */
final class ManifestClauses {

    /**
     * One clause.
     *
     * @param names the paths (package names) the clause applies to
     * @param attributes attributes and directives, directives with their {@code :} kept ({@code uses:})
     */
    record Clause(List<String> names, Map<String, String> attributes) {}

    private ManifestClauses() {}

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new HashMap<>();
            for (String part : split(clause, ';')) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    names.add(part.trim());
                } else {
                    String value = part.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    attributes.put(part.substring(0, eq).trim(), value);
                }
            }
            clauses.add(new Clause(names, attributes));
        }
        return clauses;
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
