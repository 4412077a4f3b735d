package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A {@code `define}d macro and its expansion by IEEE 1800-2017 22.5.1: formal arguments replace
 * identifiers of the text, except inside string literals; inside {@code `"...`"} they do replace, and
 * {@code `"} becomes {@code "}; {@code `\`"} becomes {@code \"}; {@code ``} joins the tokens on its
 * two sides. The expansion is scanned again by the caller, which expands macros it uses, including
 * those passed in arguments.
 *
 * @param parameters null for a macro without a parameter list
 */
record Macro(String name, List<Parameter> parameters, String text) {

    /** A formal argument and its default text (null: the argument must be given). */
    record Parameter(String name, String defaultText) {
    }

    boolean takesArguments() {
        return parameters != null;
    }

    /** The parameters of {@code `define NAME(list)}, from the text between its parentheses. */
    static List<Parameter> parameters(String macro, String list, SourceLocation at) {
        List<Parameter> out = new ArrayList<>();
        if (list.isBlank()) {
            return out;
        }
        for (String p : splitArguments(list)) {
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
                throw new RdlException(at, "bad `define parameter list for '" + macro + "': '" + p.strip()
                        + "' is not a parameter name (expected an identifier, optionally = default)");
            }
            out.add(new Parameter(name, eq < 0 ? null : p.substring(eq + 1).strip()));
        }
        return out;
    }

    /** Text split at the commas outside parentheses, brackets, braces and strings; each part stripped. */
    static List<String> splitArguments(String text) {
        List<String> args = new ArrayList<>();
        int[] from = {0};
        scan(text, 0, comma -> {
            args.add(text.substring(from[0], comma).strip());
            from[0] = comma + 1;
        });
        args.add(text.substring(from[0]).strip());
        return args;
    }

    /** The offset of the parenthesis closing the one at {@code open}, or -1 when the text ends first. */
    static int closingParenthesis(String text, int open) {
        int end = scan(text, open + 1, comma -> { });
        return end < text.length() ? end : -1;
    }

    /**
     * Walks {@code text} from {@code from} at nesting depth 0, skipping string literals and nested
     * parentheses, brackets and braces; reports each comma at depth 0 and returns the offset of the
     * first closing bracket that leaves depth 0, or the text's length.
     */
    private static int scan(String text, int from, IntConsumer comma) {
        int nest = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(' || c == '[' || c == '{') {
                nest++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (nest-- == 0) {
                    return i;
                }
            } else if (c == ',' && nest == 0) {
                comma.accept(i);
            }
        }
        return text.length();
    }

    /**
     * The macro text with the actual arguments in place; {@code at} is the macro's use, for errors. An
     * argument given empty takes the parameter's default (none: empty text); one left out must have a
     * default. {@code `M()} gives a macro of no parameters nothing and one of several an empty first argument.
     */
    String expand(List<String> actuals, SourceLocation at) {
        Map<String, String> values = new HashMap<>();
        if (takesArguments()) {
            int given = actuals.size() == 1 && actuals.get(0).isEmpty() && parameters.isEmpty() ? 0 : actuals.size();
            if (given > parameters.size()) {
                throw new RdlException(at, "macro '" + name + "' takes " + count(parameters.size()) + " but was given "
                        + given);
            }
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                // An argument given empty takes the default, else stays empty; one left out needs a default.
                String actual = i < given && !actuals.get(i).isEmpty() ? actuals.get(i)
                        : p.defaultText() != null ? p.defaultText() : i < given ? "" : null;
                if (actual == null) {
                    throw new RdlException(at, "macro '" + name + "' takes " + count(parameters.size()) + " but was given "
                            + given + ": argument '" + p.name() + "' has no default");
                }
                values.put(p.name(), actual);
            }
        }
        return substitute(values);
    }

    private static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }

    private String substitute(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (text.startsWith("`\\`\"", i)) {
                out.append("\\\"");
                i += 4;
            } else if (text.startsWith("`\"", i)) {
                out.append('"');
                i += 2;
            } else if (text.startsWith("``", i)) {
                i += 2; // token paste: the two sides simply join
            } else if (ch == '"') {
                int e = i + 1;
                while (e < text.length() && text.charAt(e) != '"') {
                    e += text.charAt(e) == '\\' ? 2 : 1;
                }
                e = Math.min(e + 1, text.length());
                out.append(text, i, e);
                i = e;
            } else if (Character.isLetter(ch) || ch == '_') {
                int e = i;
                while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_')) {
                    e++;
                }
                String word = text.substring(i, e);
                boolean macroName = i > 0 && text.charAt(i - 1) == '`';
                out.append(!macroName && values.containsKey(word) ? values.get(word) : word);
                i = e;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }
}
