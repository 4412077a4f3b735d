package io.halcyon.launcher.webconsole;

/** Pages of the console: one layout, every text escaped. */
final class Html {
    private Html() {}

    static final String[][] NAV = {{"", "Chips"}, {"registers", "Registers"}, {"run", "Bring-up & training"}, {"tests", "BUTR / HITL"},
            {"history", "Update history"}, {"maps", "Register maps"}};

    static String esc(Object o) {
        String s = String.valueOf(o);
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page: {@code base} is the console's root path, e.g. /halcyon/. */
    static String page(String base, String current, String title, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] n : NAV) {
            nav.append("<a href=\"").append(base).append(n[0]).append('"').append(n[0].equals(current) ? " class=\"current\"" : "")
                    .append('>').append(n[1]).append("</a>");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + " - Halcyon</title>"
                + "<link rel=\"stylesheet\" href=\"" + base + "static/console.css\"></head><body>"
                + "<header><strong>Halcyon</strong><nav>" + nav + "</nav></header><main><h1>" + esc(title) + "</h1>" + body
                + "</main><script src=\"" + base + "static/console.js\"></script></body></html>\n";
    }
}
