package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the block's register map as {@code List<RegisterInfo>} (the HardwareBlock service's
 * content). The registers are spread over part classes of {@value #PER_PART} registers, one method
 * each, so that a block of tens of thousands of registers stays within the class-file limits
 * (64 KiB of code per method, 65535 constants per class).
 */
final class RegisterMapWriter {

    static final int PER_PART = 200;

    private final JavaNames names;
    private final String pkg;

    RegisterMapWriter(JavaNames names, String pkg) {
        this.names = names;
        this.pkg = pkg;
    }

    /** File name (without .java) to source, the map class first. */
    Map<String, String> write(BlockModel block) {
        Map<String, String> out = new LinkedHashMap<>();
        List<RegisterType> regs = block.registers();
        int parts = (regs.size() + PER_PART - 1) / PER_PART;
        out.put(names.mapClass, mapClass(block, parts));
        for (int p = 0; p < parts; p++) {
            out.put(partName(p), part(p, regs.subList(p * PER_PART, Math.min(regs.size(), (p + 1) * PER_PART))));
        }
        return out;
    }

    private String partName(int p) {
        return names.mapClass + "Part" + p;
    }

    private String mapClass(BlockModel block, int parts) {
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import java.util.ArrayList;").line("import java.util.Comparator;").line("import java.util.List;").line("");
        s.line("import io.halcyon.hal.api.regmap.Access;").line("import io.halcyon.hal.api.regmap.MemoryInfo;");
        s.line("import io.halcyon.hal.api.regmap.RegisterInfo;").line("import io.halcyon.hal.api.register.MemoryDescription;").line("");
        s.javadoc("The register map of block <b>" + Names.javadoc(block.name()) + "</b> as management tools see it"
                + " (for the block's HardwareBlock service).", "Generated from the block's SystemRDL description; do not edit.");
        s.open("public final class %s", names.mapClass);
        s.javadoc("The block's short name.");
        s.line("public static final String BLOCK = %s;", Names.literal(block.name()));
        s.javadoc("One line from the description's name and desc.");
        s.line("public static final String DESCRIPTION = %s;", Names.literal(block.summary()));
        s.javadoc("Every register (array elements one by one) in address order; immutable.");
        s.line("public static final List<RegisterInfo> REGISTERS = build();").line("");
        s.javadoc("Every memory (array elements one by one) in address order; immutable.");
        List<String> memories = block.memories().stream().map(RegisterMapWriter::memory).toList();
        s.line("public static final List<MemoryInfo> MEMORIES = List.of(%s);", String.join(",\n            ", memories)).line("");
        s.open("private %s()", names.mapClass).close().line("");
        s.open("private static List<RegisterInfo> build()");
        s.line("List<RegisterInfo> all = new ArrayList<>();");
        for (int p = 0; p < parts; p++) {
            s.line("%s.addTo(all);", partName(p));
        }
        s.line("all.sort(Comparator.comparingLong(RegisterInfo::offset));");
        s.line("return List.copyOf(all);");
        s.close();
        s.close();
        return s.toString();
    }

    private String part(int p, List<RegisterType> regs) {
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import java.util.List;").line("import java.util.OptionalLong;").line("");
        s.line("import io.halcyon.hal.api.regmap.Access;").line("import io.halcyon.hal.api.regmap.FieldInfo;");
        s.line("import io.halcyon.hal.api.regmap.ReadEffect;").line("import io.halcyon.hal.api.regmap.RegisterInfo;");
        s.line("import io.halcyon.hal.api.regmap.WriteEffect;");
        s.line("import io.halcyon.hal.api.register.FieldDescription;");
        s.line("import io.halcyon.hal.api.register.RegisterDescription;").line("");
        s.javadoc("Part " + p + " of {@link " + names.mapClass + "}.");
        s.open("final class %s", partName(p));
        s.open("private %s()", partName(p)).close().line("");
        s.open("static void addTo(List<RegisterInfo> all)");
        // Registers sharing a generated class share their field list too: one list per class and part, so a
        // block of thousands of instances of one type compiles one list, not thousands of identical ones.
        Map<RegisterClass, String> sharedLists = new LinkedHashMap<>();
        for (RegisterType r : regs) {
            RegisterClass c = names.classOf(r);
            if (c.shared() && !sharedLists.containsKey(c)) {
                String list = "fields" + sharedLists.size();
                sharedLists.put(c, list);
                s.line("List<FieldInfo> %s = %s;", list, fieldList(r));
            }
        }
        // A register with a list of its own adds itself in a method of its own (its list is most of the code,
        // and a method holds at most 64 KiB). Consecutive single registers of one shared class are added from a
        // table of names and offsets: javac resolves one constructor call for them, not one per register.
        List<Integer> own = new ArrayList<>();
        List<RegisterType> run = new ArrayList<>();
        for (int i = 0; i < regs.size(); i++) {
            RegisterType r = regs.get(i);
            String list = sharedLists.get(names.classOf(r));
            if (!run.isEmpty() && (!tabular(r) || names.classOf(r) != names.classOf(run.get(0))
                    || r.external() != run.get(0).external())) {
                addTable(s, run, sharedLists.get(names.classOf(run.get(0))));
                run.clear();
            }
            if (list == null) {
                s.line("r%d(all);", i);
                own.add(i);
            } else if (tabular(r)) {
                run.add(r);
            } else {
                addRegister(s, r, list);
            }
        }
        if (!run.isEmpty()) {
            addTable(s, run, sharedLists.get(names.classOf(run.get(0))));
        }
        s.close();
        for (int i : own) {
            s.line("");
            s.open("private static void r%d(List<RegisterInfo> all)", i);
            s.line("List<FieldInfo> fields = %s;", fieldList(regs.get(i)));
            addRegister(s, regs.get(i), "fields");
            s.close();
        }
        if (regs.stream().anyMatch(r -> tabular(r) && sharedLists.containsKey(names.classOf(r)))) {
            s.line("");
            s.javadoc("Adds registers that differ only in name, offset and summary.");
            s.open("private static void addAll(List<RegisterInfo> all, List<FieldInfo> fields, int width, long reset, "
                    + "boolean external, String[] names, long[] offsets, String[] summaries)");
            s.open("for (int i = 0; i < names.length; i++)");
            s.line("all.add(new RegisterDescription(names[i], offsets[i], width, reset, summaries[i], fields, external, "
                    + "java.util.Optional.empty()));");
            s.close().close();
        }
        s.close();
        return s.toString();
    }

    /** A register a table can list: not an array, not an alias. */
    private static boolean tabular(RegisterType r) {
        return !r.isArray() && r.aliasParts() == null;
    }

    /** Registers of one shared class (so one width, reset, field list) as one call over their names and offsets. */
    private static void addTable(SourceWriter s, List<RegisterType> run, String fields) {
        RegisterType first = run.get(0);
        s.line("addAll(all, %s, %d, %s, %s,", fields, first.width(), SourceWriter.longLiteral(FieldModel.busReset(first.fields())),
                first.external());
        s.line("        new String[] {%s},", String.join(", ", run.stream().map(r -> Names.literal(r.pathParts().get(0))).toList()));
        s.line("        new long[] {%s},", String.join(", ", run.stream().map(r -> SourceWriter.longLiteral(r.offset())).toList()));
        s.line("        new String[] {%s});", String.join(", ", run.stream().map(r -> Names.literal(r.summary())).toList()));
    }

    private static String fieldList(RegisterType r) {
        List<String> fields = new ArrayList<>();
        for (FieldModel f : r.fields()) {
            fields.add(field(f));
        }
        return "List.of(" + String.join(",\n                ", fields) + ")";
    }

    /** The statements adding {@code r} (every element of an array) to {@code all}, with the field list {@code fields}. */
    private static void addRegister(SourceWriter s, RegisterType r, String fields) {
        String tail = r.width() + ", " + SourceWriter.longLiteral(FieldModel.busReset(r.fields())) + ", " + Names.literal(r.summary())
                + ", " + fields + ", " + r.external() + ", ";
        if (!r.isArray()) {
            s.line("all.add(new RegisterDescription(%s, %s, %s%s));", Names.literal(r.pathParts().get(0)),
                    SourceWriter.longLiteral(r.offset()), tail, alias(r.aliasParts(), 0));
        } else {
            int rank = r.dims().length;
            StringBuilder name = new StringBuilder(Names.literal(r.pathParts().get(0)));
            StringBuilder offset = new StringBuilder(SourceWriter.longLiteral(r.offset()));
            for (int k = 0; k < rank; k++) {
                s.open("for (int i%d = 0; i%d < %d; i%d++)", k, k, r.dims()[k], k);
                name.append(" + i").append(k).append(" + ").append(Names.literal(r.pathParts().get(k + 1)));
                offset.append(" + i").append(k).append(" * ").append(SourceWriter.longLiteral(r.strides()[k]));
            }
            s.line("all.add(new RegisterDescription(%s, %s, %s%s));", name, offset, tail, alias(r.aliasParts(), rank));
            for (int k = 0; k < rank; k++) {
                s.close();
            }
        }
    }

    /** {@code Optional.of(name)} built like the register's own name (same loop indices), or {@code Optional.empty()}. */
    private static String alias(List<String> aliasParts, int rank) {
        if (aliasParts == null) {
            return "java.util.Optional.empty()";
        }
        StringBuilder name = new StringBuilder(Names.literal(aliasParts.get(0)));
        for (int k = 0; k < rank; k++) {
            name.append(" + i").append(k).append(" + ").append(Names.literal(aliasParts.get(k + 1)));
        }
        return "java.util.Optional.of(" + name + ")";
    }

    private static String field(FieldModel f) {
        String reset = f.busReset() == null ? "OptionalLong.empty()" : "OptionalLong.of(" + SourceWriter.longLiteral(f.busReset()) + ")";
        return "new FieldDescription(" + Names.literal(f.instName()) + ", " + f.lsb() + ", " + f.msb() + ", Access."
                + f.softwareAccess() + ", Access." + f.hardwareAccess() + ", ReadEffect." + f.readEffect()
                + ", WriteEffect." + f.writeEffect() + ", " + reset + ", " + f.singlepulse() + ", "
                + Names.literal(f.summary()) + ", " + f.dontTest() + ", " + f.dontCompare() + ", "
                + f.hardwareUpdated() + ", " + f.writeEnabledByHardware() + ")";
    }

    private static String memory(MemoryModel m) {
        return "new MemoryDescription(" + Names.literal(m.name()) + ", " + SourceWriter.longLiteral(m.offset()) + ", "
                + SourceWriter.longLiteral(m.entries()) + ", " + m.width() + ", Access." + m.softwareAccess() + ", "
                + m.external() + ", " + Names.literal(m.summary()) + ")";
    }
}
