package io.halcyon.rdl.generator;

/**
 * Writes the parts every block bundle needs besides its driver, so that they are not written by hand
 * once per block: the configuration type (where the block sits: base address and which chip's bus)
 * and the DS component that publishes the generated register map as a HardwareBlock service. Both
 * use the configuration PID {@link #pid()}, which the driver shares
 * ({@code @Component(configurationPid = <Block>Config.PID)}).
 */
final class BlockComponentWriter {

    private final JavaNames names;
    private final String pkg;
    private final BlockModel block;

    BlockComponentWriter(JavaNames names, String pkg, BlockModel block) {
        this.names = names;
        this.pkg = pkg;
        this.block = block;
    }

    String configClass() {
        return names.accessorClass + "Config";
    }

    String componentClass() {
        return names.accessorClass + "Block";
    }

    /** The bundle's root package: the generated package without its last segment ({@code .regs}). */
    String pid() {
        int dot = pkg.lastIndexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    String config(long defaultBase) {
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import org.osgi.service.metatype.annotations.AttributeDefinition;");
        s.line("import org.osgi.service.metatype.annotations.ObjectClassDefinition;").line("");
        s.javadoc("Where block <b>" + Names.javadoc(block.name()) + "</b> sits: which chip's bus, and at which base"
                + " address. Shared by the block's driver and its HardwareBlock service.",
                "Generated from the block's SystemRDL description; do not edit.");
        // No pid here: the driver's @Designate ties this definition to the PID (a second tie is a bnd error).
        s.line("@ObjectClassDefinition(name = %s)", Names.literal("Halcyon block " + block.name()));
        s.open("public @interface %s", configClass());
        s.javadoc("Configuration PID of the block's components.");
        s.line("String PID = %s;", Names.literal(pid())).line("");
        s.line("@AttributeDefinition(description = \"Absolute base address of the block in the chip's register space.\")");
        s.line("long base_address() default 0x%xL;", defaultBase).line("");
        s.line("@AttributeDefinition(description = \"Filter selecting the chip's RegisterBus.\")");
        s.line("String bus_target() default \"(halcyon.chip=0)\";");
        s.close();
        return s.toString();
    }

    String component() {
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import java.util.List;").line("");
        s.line("import org.osgi.service.component.annotations.Activate;");
        s.line("import org.osgi.service.component.annotations.Component;").line("");
        s.line("import io.halcyon.hal.api.regmap.HardwareBlock;");
        s.line("import io.halcyon.hal.api.regmap.MemoryInfo;");
        s.line("import io.halcyon.hal.api.regmap.RegisterInfo;").line("");
        s.javadoc("Publishes the register map of block <b>" + Names.javadoc(block.name()) + "</b> for shells, dumps"
                + " and register tests.", "Generated from the block's SystemRDL description; do not edit.");
        s.line("@Component(property = {HardwareBlock.BLOCK + \"=\" + %s.BLOCK, \"halcyon.chip=0\"}, configurationPid = %s.PID)",
                names.mapClass, configClass());
        s.open("public final class %s implements HardwareBlock", componentClass());
        s.line("private final long base;").line("");
        s.line("@Activate");
        s.open("public %s(%s config)", componentClass(), configClass());
        s.line("this.base = config.base_address();");
        s.close().line("");
        s.line("@Override");
        s.open("public String name()").line("return %s.BLOCK;", names.mapClass).close().line("");
        s.line("@Override");
        s.open("public String description()").line("return %s.DESCRIPTION;", names.mapClass).close().line("");
        s.line("@Override");
        s.open("public long baseAddress()").line("return base;").close().line("");
        s.line("@Override");
        s.open("public List<RegisterInfo> registers()").line("return %s.REGISTERS;", names.mapClass).close().line("");
        s.line("@Override");
        s.open("public List<MemoryInfo> memories()").line("return %s.MEMORIES;", names.mapClass).close();
        s.close();
        return s.toString();
    }
}
