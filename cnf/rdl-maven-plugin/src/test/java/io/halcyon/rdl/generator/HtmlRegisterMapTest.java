package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.rdl.chipmap.BlockBundle;
import io.halcyon.rdl.chipmap.ChipMapBuild;
import io.halcyon.rdl.chipmap.ChipMapCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * The HTML register map: one section per register, its fields drawn as a bit diagram whose cells
 * cover every bit once, in rows of 32 from the most significant; and the chip index page that links
 * the page of each block type a chip map places.
 */
public class HtmlRegisterMapTest {

    private static final Pattern ROW = Pattern.compile("<tr>((?:<td[^>]*>[^<]*</td>)+)</tr>");
    private static final Pattern CELL = Pattern.compile("<td class=\"(field|reserved)\" colspan=\"(\\d+)\"[^>]*>([^<]*)</td>");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static String page(String rdl) {
        ElaboratedModel model = GeneratedCode.elaborate(GeneratedCode.resource(rdl));
        return new RegisterGenerator("unused", null).documents(model).get(model.top().instName() + ".html");
    }

    /** The bit diagram rows of a register's section: each row's cells as "name:width". */
    private static List<List<String>> diagram(String page, String anchor) {
        int start = page.indexOf("<section id=\"" + anchor + "\">");
        String section = page.substring(start, page.indexOf("</section>", start));
        String bits = section.substring(section.indexOf("<table class=\"bits\">"), section.indexOf("</table>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(bits);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(3) + ":" + cell.group(2));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    public void fieldsAreDrawnAsBitsMostSignificantFirstWithReservedRuns() {
        String page = page("blk.rdl");
        // CTRL: HI[23:16], BUSY[12], REQ[9], PEND[8], DIV[7:4], MODE[2:1], EN[0].
        assertEquals(List.of(List.of("reserved:8", "HI:8", "reserved:3", "BUSY:1", "reserved:2", "REQ:1", "PEND:1", "DIV:4",
                "reserved:1", "MODE:2", "EN:1")), diagram(page, "ctrl"));
        assertTrue(page, page.contains("<a href=\"#ctrl\">CTRL</a>"));
        assertTrue(page, page.startsWith("<!DOCTYPE html>"));
    }

    @Test
    public void registersWiderThan32BitsTakeARowPer32Bits() {
        String page = page("ring.rdl");
        assertEquals(List.of(List.of("ADDR[63:32]:32"), List.of("ADDR[31:0]:32")), diagram(page, "ring-desc-addr"));
        assertEquals(List.of(List.of("reserved:31", "LAST:1"), List.of("LEN:32")), diagram(page, "ring-desc-ctrl"));
    }

    @Test
    public void theChipIndexLinksThePageOfEachBlockTypeItPlaces() throws Exception {
        Path dir = tmp.newFolder("rdl").toPath();
        Files.writeString(dir.resolve("good.rdl"), "addrmap good { ident ident @ 0x0; ring ring0 @ 0x200; ring ring1 @ 0x400; };\n");
        List<BlockBundle> blocks = List.of("ident", "fifo", "ring").stream().map(t -> new BlockBundle(t, "test.block." + t,
                "test:block-" + t, GeneratedCode.testResource("chipmaps/blocks/" + t))).toList();
        List<ChipModel> chips = ChipMapBuild.compile(dir, new ChipMapCompiler(blocks, "hint")).stream()
                .map(ChipMapCompiler.CompiledMap::model).toList();
        Map<String, Path> descriptions = Map.of("ident", GeneratedCode.testResource("chipmaps/blocks/ident"), "ring",
                GeneratedCode.testResource("chipmaps/blocks/ring"));
        Map<String, String> pages = ChipMapPages.pages(chips, descriptions);
        assertEquals(List.of("good.html", "ident.html", "ring.html"), List.copyOf(pages.keySet()));
        String index = pages.get("good.html");
        assertTrue(index, index.contains("<tr><td>ring1</td><td><code>0x400</code></td><td><code>0x200</code></td>"
                + "<td><a href=\"ring.html\">ring</a></td></tr>"));
        assertTrue(pages.get("ring.html"), pages.get("ring.html").contains("<h1>Register map: ring</h1>"));
    }
}
