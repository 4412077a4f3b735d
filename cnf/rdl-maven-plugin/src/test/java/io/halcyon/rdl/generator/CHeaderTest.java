package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.EnumType;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.Node;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * The generated C header compiles with {@code gcc -Wall -Wextra -pedantic -Werror -std=c11}, and a C
 * program built on it prints, for every register (array elements one by one) and field, the values
 * the Java register map has: offsets (through {@code _OFFSET_AT} for elements), resets, shifts,
 * masks, field resets and encoding values.
 */
public class CHeaderTest {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void everyBlockOfTheTestDescriptionsCompilesAndMatchesTheJavaModel() throws Exception {
        int encodings = 0;
        for (String rdl : List.of("blk.rdl", "ring.rdl", "shared.rdl")) {
            encodings += checkAgainstJava(GeneratedCode.elaborate(GeneratedCode.resource(rdl)));
        }
        assertTrue("encoding members checked: " + encodings, encodings >= 3);
    }

    /** Checks one block's header; returns how many encoding members it checked. */
    private int checkAgainstJava(ElaboratedModel model) throws Exception {
        int encodings = 0;
        String block = model.top().instName();
        String header = new RegisterGenerator("unused", null).documents(model).get(block + ".h");
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> prints = new ArrayList<>();
        String prefix = CHeaderWriter.constant(block);
        for (RegisterInfo r : RegisterMaps.registers(model, model.top())) {
            List<String> indices = new ArrayList<>();
            Matcher m = INDEX.matcher(r.name());
            while (m.find()) {
                indices.add(m.group(1));
            }
            String reg = prefix + "_" + CHeaderWriter.constant(INDEX.matcher(r.name()).replaceAll(""));
            String offset = indices.isEmpty() ? reg + "_OFFSET" : reg + "_OFFSET_AT(" + String.join(", ", indices) + ")";
            expect(expected, prints, r.name() + " offset", offset, r.offset());
            expect(expected, prints, r.name() + " reset", reg + "_RESET", r.resetValue());
            for (FieldInfo f : r.fields()) {
                String field = reg + "_" + CHeaderWriter.constant(f.name());
                expect(expected, prints, r.name() + "." + f.name() + " shift", field + "_SHIFT", f.lsb());
                long ones = f.msb() - f.lsb() == 63 ? -1L : (1L << (f.msb() - f.lsb() + 1)) - 1;
                expect(expected, prints, r.name() + "." + f.name() + " mask", field + "_MASK", ones << f.lsb());
                if (f.reset().isPresent()) {
                    expect(expected, prints, r.name() + "." + f.name() + " reset", field + "_RESET", f.reset().getAsLong());
                }
            }
        }
        // Every encoding member's value, from the elaborated model (the register map does not carry them).
        for (RegNode r : model.registers()) {
            String name = INDEX.matcher(r.path().substring(model.top().path().length() + 1)).replaceAll("");
            String reg = prefix + "_" + CHeaderWriter.constant(name);
            for (FieldNode f : r.fields()) {
                if (f.encode() != null) {
                    for (EnumType.Member e : f.encode().members()) {
                        String macro = reg + "_" + CHeaderWriter.constant(f.instName()) + "_" + CHeaderWriter.constant(e.name());
                        expect(expected, prints, name + "." + f.instName() + " = " + e.name(), macro, e.value());
                        encodings++;
                    }
                }
            }
        }
        // A memory's entries as the description lays them out (virtual registers): their offsets too.
        for (MemNode mem : model.memories()) {
            for (Node child : mem.children()) {
                if (child instanceof RegNode r) {
                    String name = r.path().substring(model.top().path().length() + 1);
                    List<String> indices = new ArrayList<>();
                    Matcher m = INDEX.matcher(name);
                    while (m.find()) {
                        indices.add(m.group(1));
                    }
                    String reg = prefix + "_" + CHeaderWriter.constant(INDEX.matcher(name).replaceAll(""));
                    expect(expected, prints, name + " offset", reg + "_OFFSET_AT(" + String.join(", ", indices) + ")",
                            r.absoluteAddress() - model.top().absoluteAddress());
                }
            }
        }
        Path dir = tmp.newFolder(block).toPath();
        Files.writeString(dir.resolve(block + ".h"), header);
        Files.writeString(dir.resolve("check.c"), "#include <stdio.h>\n#include \"" + block + ".h\"\n\nint main(void) {\n"
                + String.join("", prints) + "    return 0;\n}\n");
        BoundedProcess.run(dir, "gcc", "-Wall", "-Wextra", "-pedantic", "-Werror", "-std=c11", "-o", "check", "check.c");
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line : BoundedProcess.run(dir, "./check").lines().toList()) {
            int space = line.lastIndexOf(' ');
            printed.put(line.substring(0, space), line.substring(space + 1));
        }
        assertEquals(block, expected, printed);
        assertTrue(block, expected.size() > 5);
        return encodings;
    }

    private static void expect(Map<String, String> expected, List<String> prints, String label, String expression, long value) {
        expected.put(label, Long.toUnsignedString(value));
        prints.add("    printf(\"%s %llu\\n\", \"" + label + "\", (unsigned long long) (" + expression + "));\n");
    }

    @Test
    public void encodingsAndArrayLayoutsAreThereAsFirmwareUsesThem() {
        ElaboratedModel model = GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl"));
        String header = new RegisterGenerator("unused", null).documents(model).get("blk.h");
        assertTrue(header, header.contains("#define BLK_CTRL_MODE_FAST UINT32_C(0x2)\n"));
        assertTrue(header, header.contains("#ifndef HALCYON_BLK_REGS_H\n#define HALCYON_BLK_REGS_H\n"));
        ElaboratedModel ring = GeneratedCode.elaborate(GeneratedCode.resource("ring.rdl"));
        String ringHeader = new RegisterGenerator("unused", null).documents(ring).get("ring.h");
        assertTrue(ringHeader, ringHeader.contains("#define RING_RING_ENTRIES UINT32_C(16)\n"));
        assertTrue(ringHeader, ringHeader.contains("#define RING_RING_STRIDE UINT32_C(0x100)\n"));
        assertTrue(ringHeader, ringHeader.contains("#define RING_RING_DESC_ADDR_COUNT_0 UINT32_C(2)\n"));
    }
}
