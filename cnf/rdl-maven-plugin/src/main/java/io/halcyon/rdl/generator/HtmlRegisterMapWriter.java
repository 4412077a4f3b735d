package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a block's register map as one self-contained HTML page: an index of the registers, then per
 * register its offset, array layout, reset and access, its fields drawn as a bit diagram (one row of
 * 32 bits at a time, most significant first; a field a cell as wide as its bits, reserved bits grey)
 * and a table of the fields with access, side effects, reset and encodings. The same content as the
 * Markdown map, for people who read it in a browser; a chip's index page links the pages of its blocks.
 */
final class HtmlRegisterMapWriter {

    static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; max-width: 75em; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em 0; }
            th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
            table.bits { table-layout: fixed; width: 100%; }
            table.bits td, table.bits th { text-align: center; font-size: 0.8em; padding: 0.2em 0; overflow: hidden; }
            table.bits td.field { background: #dde8f5; }
            table.bits td.reserved { background: #eee; color: #888; }
            code { font-family: monospace; }
            """;

    String write(BlockModel block) {
        StringBuilder h = new StringBuilder();
        head(h, "Register map: " + block.name());
        if (!block.summary().isEmpty()) {
            h.append("<p>").append(escape(block.summary())).append("</p>\n");
        }
        h.append("<p>Offsets are bytes from the block instance's base address. Generated from the block's register"
                + " description.</p>\n");
        h.append("<table class=\"index\">\n<tr><th>offset</th><th>register</th><th>width</th><th>reset</th>"
                + "<th>access</th><th>summary</th></tr>\n");
        for (RegisterType r : block.registers()) {
            h.append("<tr><td><code>").append(Docs.hex(r.offset())).append("</code></td><td><a href=\"#").append(Docs.anchor(r))
                    .append("\">").append(escape(r.key() + Docs.dims(r))).append("</a></td><td>").append(r.width())
                    .append("</td><td><code>").append(Docs.hex(FieldModel.busReset(r.fields()))).append("</code></td><td>")
                    .append(escape(Docs.access(new RegisterPolicy(r)))).append("</td><td>").append(escape(r.summary()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!block.memories().isEmpty()) {
            h.append("<h2>Memories</h2>\n<table>\n<tr><th>offset</th><th>memory</th><th>entries</th><th>entry width</th>"
                    + "<th>sw</th><th>summary</th></tr>\n");
            for (MemoryModel m : block.memories()) {
                h.append("<tr><td><code>").append(Docs.hex(m.offset())).append("</code></td><td>").append(escape(m.name()))
                        .append("</td><td>").append(m.entries()).append("</td><td>").append(m.width()).append("</td><td>")
                        .append(m.sw()).append("</td><td>").append(escape(m.summary())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        for (RegisterType r : block.registers()) {
            register(h, r);
        }
        if (!block.memoryRegisters().isEmpty()) {
            h.append("<h2>Memory entries</h2>\n<p>The layout of the memories' entries, as virtual registers.</p>\n");
            for (RegisterType r : block.memoryRegisters()) {
                register(h, r);
            }
        }
        return h.append("</body>\n</html>\n").toString();
    }

    static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(escape(title))
                .append("</h1>\n");
    }

    private void register(StringBuilder h, RegisterType r) {
        h.append("<section id=\"").append(Docs.anchor(r)).append("\">\n<h2>").append(escape(r.key() + Docs.dims(r)))
                .append("</h2>\n");
        if (r.title() != null && !r.title().isBlank()) {
            h.append("<p><b>").append(escape(Names.oneLine(r.title()))).append("</b></p>\n");
        }
        if (r.desc() != null && !r.desc().isBlank()) {
            h.append("<p>").append(escape(r.desc().strip())).append("</p>\n");
        }
        h.append("<p>Offset <code>").append(Docs.hex(r.offset())).append("</code>");
        if (r.isArray()) {
            h.append(", array ").append(Docs.dims(r)).append(" with stride ").append(Docs.strides(r));
        }
        h.append(", ").append(r.width()).append(" bits, reset <code>").append(Docs.hex(FieldModel.busReset(r.fields())))
                .append("</code>.</p>\n");
        bits(h, r);
        h.append("<table class=\"fields\">\n<tr><th>bits</th><th>field</th><th>sw</th><th>hw</th><th>effects</th>"
                + "<th>reset</th><th>description</th></tr>\n");
        for (FieldModel f : r.fields()) {
            h.append("<tr><td>").append(f.msb() == f.lsb() ? String.valueOf(f.lsb()) : f.msb() + ":" + f.lsb())
                    .append("</td><td>").append(escape(f.instName())).append("</td><td>").append(f.sw()).append("</td><td>")
                    .append(f.hw()).append("</td><td>").append(escape(Docs.effects(f))).append("</td><td>")
                    .append(f.busReset() == null ? "-" : "<code>" + Docs.hex(f.busReset()) + "</code>").append("</td><td>")
                    .append(escape(f.summary()));
            if (f.encode() != null) {
                h.append("<br>Values: ");
                List<String> members = new ArrayList<>();
                f.encode().members().forEach(m -> members.add("<code>" + Docs.hex(m.value()) + "</code> " + escape(m.name())));
                h.append(String.join(", ", members));
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    /** The register's bits as rows of 32, most significant first: a cell per field (or part) and per reserved run. */
    private static void bits(StringBuilder h, RegisterType r) {
        List<FieldModel> fields = new ArrayList<>(r.fields());
        fields.sort(Comparator.comparingInt(FieldModel::lsb).reversed());
        h.append("<table class=\"bits\">\n");
        for (int hi = r.width() - 1; hi >= 0; hi -= 32) {
            int lo = Math.max(0, hi - 31);
            h.append("<tr>");
            for (int b = hi; b >= lo; b--) {
                h.append("<th>").append(b).append("</th>");
            }
            h.append("</tr>\n<tr>");
            int b = hi;
            while (b >= lo) {
                FieldModel f = at(fields, b);
                if (f == null) {
                    int end = b;
                    while (end - 1 >= lo && at(fields, end - 1) == null) {
                        end--;
                    }
                    h.append("<td class=\"reserved\" colspan=\"").append(b - end + 1).append("\">reserved</td>");
                    b = end - 1;
                } else {
                    int end = Math.max(f.lsb(), lo);
                    boolean part = b != f.msb() || end != f.lsb();
                    h.append("<td class=\"field\" colspan=\"").append(b - end + 1).append("\" title=\"")
                            .append(escape(f.instName() + " [" + f.msb() + ":" + f.lsb() + "]")).append("\">")
                            .append(escape(f.instName())).append(part ? "[" + b + ":" + end + "]" : "").append("</td>");
                    b = end - 1;
                }
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static FieldModel at(List<FieldModel> fields, int bit) {
        for (FieldModel f : fields) {
            if (f.lsb() <= bit && bit <= f.msb()) {
                return f;
            }
        }
        return null;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
