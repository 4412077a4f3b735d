package io.halcyon.launcher.rtlbutr;

import io.halcyon.platform.verification.SimulatorBuild;
import io.halcyon.platform.verification.SimulatorBuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The ports of the module under test, as Verilator elaborates them ({@code verilator --xml-only}): name,
 * direction, width in bits, and whether the type is packed (a plain vector or a packed struct from a
 * package, which a wrapper can tie to {@code '0}). Elaborating here also reports RTL that does not parse
 * with Verilator's own file:line lines, before anything is built.
 */
final class TopPorts {

    /** One port of the top module. */
    record Port(String name, String direction, int width, boolean packed, String type) {
        boolean input() {
            return direction.equals("input");
        }

        boolean output() {
            return direction.equals("output");
        }
    }

    private TopPorts() {
    }

    /**
     * The ports of {@code top} in declaration order, from {@code files} (compile order) with {@code includes}
     * as include folders; {@code work} takes Verilator's output.
     *
     * @throws SimulatorBuildException with Verilator's error lines when the RTL does not elaborate
     */
    static List<Port> of(List<Path> files, List<Path> includes, String top, Path work) throws IOException, InterruptedException {
        Path xml = work.resolve("ports.xml");
        List<String> command = new ArrayList<>(List.of("verilator", "--xml-only", "--xml-output", xml.toString(), "-Mdir",
                work.resolve("xml").toString(), "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", top));
        includes.forEach(i -> command.add("-I" + i.toAbsolutePath()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SimulatorBuildException("cannot run verilator (install Debian's verilator, g++ and make): " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new SimulatorBuildException("verilator did not elaborate " + top + " within 2 minutes");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(xml)) {
            throw new SimulatorBuildException("RTL of " + top + " does not elaborate:\n" + SimulatorBuild.errorLines(out.lines().toList(), work));
        }
        return parse(xml, top);
    }

    static List<Port> parse(Path xml, String top) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new IOException("cannot read Verilator's XML " + xml + ": " + e.getMessage(), e);
        }
        Map<String, Element> types = new HashMap<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id") && e.getTagName().endsWith("dtype")) {
                types.put(e.getAttribute("id"), e);
            }
        }
        NodeList modules = doc.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Element m = (Element) modules.item(i);
            if (m.getAttribute("topModule").equals("1")) {
                List<Port> ports = new ArrayList<>();
                for (Node c = m.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element v && v.getTagName().equals("var") && v.hasAttribute("dir")) {
                        Element type = types.get(v.getAttribute("dtype_id"));
                        String name = v.hasAttribute("origName") ? v.getAttribute("origName") : v.getAttribute("name");
                        ports.add(new Port(name, v.getAttribute("dir"), width(type, types), packed(type, types),
                                type == null ? "?" : type.getAttribute("name")));
                    }
                }
                return ports;
            }
        }
        throw new IOException("Verilator's XML " + xml + " has no top module " + top);
    }

    /** Bits of a packed type: vectors, packed arrays, packed structs and unions, enums and typedefs of them. */
    private static int width(Element t, Map<String, Element> types) {
        if (t == null) {
            return 0;
        }
        switch (t.getTagName()) {
            case "basicdtype":
                return t.hasAttribute("left") ? Math.abs(Integer.parseInt(t.getAttribute("left")) - Integer.parseInt(t.getAttribute("right"))) + 1
                        : t.getAttribute("name").equals("int") ? 32 : 1;
            case "packarraydtype":
            case "unpackarraydtype":
                return (Math.abs(Integer.parseInt(t.getAttribute("left")) - Integer.parseInt(t.getAttribute("right"))) + 1)
                        * width(types.get(t.getAttribute("sub_dtype_id")), types);
            case "structdtype":
            case "uniondtype": {
                int w = 0;
                for (Node c = t.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element member && member.getTagName().equals("memberdtype")) {
                        int mw = width(types.get(member.getAttribute("sub_dtype_id")), types);
                        w = t.getTagName().equals("uniondtype") ? Math.max(w, mw) : w + mw;
                    }
                }
                return w;
            }
            default:
                return t.hasAttribute("sub_dtype_id") ? width(types.get(t.getAttribute("sub_dtype_id")), types) : 0;
        }
    }

    private static boolean packed(Element t, Map<String, Element> types) {
        if (t == null || t.getTagName().equals("unpackarraydtype") || t.getTagName().equals("ifacerefdtype")) {
            return false;
        }
        return !t.hasAttribute("sub_dtype_id") || t.getTagName().equals("packarraydtype") || packed(types.get(t.getAttribute("sub_dtype_id")), types);
    }
}
