package io.halcyon.rdl.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * Turns an elaborated block description into generated files: Java sources (value types, register
 * accessors, enums, the block accessor, the register map), register maps in Markdown and HTML and a C header. Pure: it
 * returns the files' text and writes nothing, so a caller can put them in place all at once.
 */
public final class RegisterGenerator {

    private final String javaPackage;
    private final String blockName;

    /**
     * @param javaPackage package of the generated sources (a private package of the block bundle)
     * @param blockName the block's short name, e.g. {@code sysctrl}; null takes the top address map's name
     */
    public RegisterGenerator(String javaPackage, String blockName) {
        this.javaPackage = javaPackage;
        this.blockName = blockName;
    }

    /** Generated Java sources by path relative to a source root ({@code io/halcyon/.../Version.java}). */
    public Map<String, String> javaSources(ElaboratedModel model) {
        BlockModel block = BlockModel.of(model, blockName);
        JavaNames names = new JavaNames(block);
        Map<String, String> byClass = new LinkedHashMap<>();
        ValueTypeWriter values = new ValueTypeWriter(names, javaPackage);
        RegisterHandleWriter handles = new RegisterHandleWriter(names, javaPackage);
        for (RegisterType r : JavaNames.all(block)) {
            checkEncodings(names, r);
        }
        for (RegisterClass c : names.classes()) {
            byClass.put(c.valueClass(), values.write(c));
            byClass.put(c.handleClass(), handles.write(c));
        }
        EnumWriter enums = new EnumWriter(javaPackage);
        names.enums().forEach((e, cls) -> byClass.put(cls, enums.write(e, cls)));
        byClass.put(names.accessorClass, new BlockAccessorWriter(names, javaPackage).write(block));
        byClass.putAll(new RegisterMapWriter(names, javaPackage).write(block));
        Map<String, String> files = new TreeMap<>();
        String dir = javaPackage.replace('.', '/');
        byClass.forEach((cls, src) -> files.put(dir + "/" + cls + ".java", src));
        return files;
    }

    /**
     * The block bundle's OSGi parts, by the same path convention as {@link #javaSources}: its
     * block-instance configuration type ({@code <Block>Config}, factory configuration PID
     * {@code <package prefix>.<block>}) and the DS component publishing the register map of each
     * instance as a HardwareBlock service ({@code <Block>Block}).
     */
    public Map<String, String> componentSources(ElaboratedModel model) {
        BlockModel block = BlockModel.of(model, blockName);
        JavaNames names = new JavaNames(block);
        BlockComponentWriter writer = new BlockComponentWriter(names, javaPackage, block);
        String dir = javaPackage.replace('.', '/');
        Map<String, String> files = new TreeMap<>();
        files.put(dir + "/" + writer.configClass() + ".java", writer.config());
        files.put(dir + "/" + writer.componentClass() + ".java", writer.component());
        files.put(dir + "/" + writer.driverBaseClass() + ".java", writer.driverBase());
        return files;
    }

    /**
     * What people who program the block read: the register map in Markdown ({@code <block>.md}) and
     * HTML ({@code <block>.html}), and the C header firmware includes ({@code <block>.h}).
     */
    public Map<String, String> documents(ElaboratedModel model) {
        BlockModel block = BlockModel.of(model, blockName);
        return Map.of(block.name() + ".md", new RegisterMapDocument().write(block),
                block.name() + ".html", new HtmlRegisterMapWriter().write(block),
                block.name() + ".h", new CHeaderWriter().write(block));
    }

    /** An enum member that does not fit its field could never be written; say so now, not at run time. */
    private static void checkEncodings(JavaNames names, RegisterType r) {
        for (FieldModel f : r.fields()) {
            if (f.encode() == null) {
                continue;
            }
            for (var m : f.encode().members()) {
                if (f.width() < 64 && (m.value() & ~f.ones()) != 0) {
                    throw new GenerationException(names.fieldPath(r, f) + ": encoding " + f.encode().name() + "."
                            + m.name() + " = 0x" + Long.toHexString(m.value()) + " does not fit the field's "
                            + f.width() + " bits");
                }
            }
        }
    }
}
