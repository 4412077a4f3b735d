package io.halcyon.rdl.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * The register map pages of chips: an index page per chip ({@code <chip>.html}: its block instances
 * with base address, window and type) linking the HTML register map of each block type it places
 * ({@code <type>.html}, as the block's own build writes it), all in one folder so the links hold.
 */
public final class ChipMapPages {

    private ChipMapPages() {
    }

    /**
     * @param chips the chip maps
     * @param descriptions the folder of each block type's description, by type
     * @return file name to HTML
     */
    public static Map<String, String> pages(List<ChipModel> chips, Map<String, Path> descriptions)
            throws IOException, DescriptionException {
        Map<String, String> pages = new TreeMap<>();
        for (ChipModel chip : chips) {
            pages.put(chip.name() + ".html", index(chip));
            for (BlockInstance b : chip.blocks()) {
                String type = b.type().name();
                if (!pages.containsKey(type + ".html")) {
                    ElaboratedModel model = RdlGeneration.elaborate(descriptions.get(type));
                    pages.put(type + ".html", new HtmlRegisterMapWriter().write(BlockModel.of(model, type)));
                }
            }
        }
        return pages;
    }

    static String index(ChipModel chip) {
        StringBuilder h = new StringBuilder();
        HtmlRegisterMapWriter.head(h, "Chip map: " + chip.name());
        if (chip.description() != null && !chip.description().isBlank()) {
            h.append("<p>").append(HtmlRegisterMapWriter.escape(Names.oneLine(chip.description()))).append("</p>\n");
        }
        h.append("<table>\n<tr><th>block instance</th><th>base address</th><th>window</th><th>type (register map)</th></tr>\n");
        for (BlockInstance b : chip.blocks()) {
            String type = HtmlRegisterMapWriter.escape(b.type().name());
            h.append("<tr><td>").append(HtmlRegisterMapWriter.escape(b.name())).append("</td><td><code>")
                    .append(Docs.hex(b.base())).append("</code></td><td><code>").append(Docs.hex(b.type().window()))
                    .append("</code></td><td><a href=\"").append(type).append(".html\">").append(type).append("</a></td></tr>\n");
        }
        return h.append("</table>\n</body>\n</html>\n").toString();
    }
}
