package io.halcyon.launcher.hitl;

/** One flat JSON object from name-value pairs: strings, numbers, booleans and nulls, which is all these lines hold. */
final class Json {

    private Json() {
    }

    static String object(Object... pairs) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : ", ").append(string(pairs[i].toString())).append(": ").append(value(pairs[i + 1]));
        }
        return b.append('}').toString();
    }

    private static String value(Object v) {
        return v == null || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : string(v.toString());
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
