package io.halcyon.rdl.generator;

import io.halcyon.rdl.chipmap.BlockCapability;

/**
 * Writes the parts every block bundle needs besides its driver, so that they are not written by hand
 * once per block: the configuration type of one block instance (which chip, which instance, its base
 * address, which bus) and the DS component that publishes the generated register map as a
 * HardwareBlock service for each instance. Both use the factory configuration PID {@link #pid()},
 * which the driver shares ({@code @Component(configurationPid = <Block>Config.PID, configurationPolicy
 * = REQUIRE)}): a platform publishes one configuration per block instance of each chip it reaches, and
 * each component is made once per configuration. Nothing generated names a chip or an address.
 *
 * <p>The component also declares the bundle's {@link BlockCapability} (the block type, the configuration
 * PID and where the description travels in the jar), from which the build of a chip map finds the
 * descriptions and the bundles of the blocks it places.
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
        return names.configClass();
    }

    String componentClass() {
        return names.componentClass();
    }

    String driverBaseClass() {
        return names.driverBaseClass();
    }

    /** The bundle's root package: the generated package without its last segment ({@code .regs}). */
    String pid() {
        int dot = pkg.lastIndexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    String config() {
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import org.osgi.service.metatype.annotations.AttributeDefinition;");
        s.line("import org.osgi.service.metatype.annotations.ObjectClassDefinition;").line("");
        s.javadoc("One instance of block <b>" + Names.javadoc(block.name()) + "</b> on one chip, as the platform publishes"
                + " it from the chip map (a factory configuration per block instance): which chip, which instance, where"
                + " it sits and which bus reaches it. Shared by the block's driver and its HardwareBlock service; the"
                + " property names are those of {@code io.halcyon.hal.api.chip.ChipProperties}.",
                "Generated from the block's SystemRDL description; do not edit.");
        // No pid here: the driver's @Designate(factory = true) ties this definition to the PID (a second tie is a bnd error).
        s.line("@ObjectClassDefinition(name = %s)", Names.literal("Halcyon block " + block.name()));
        s.open("public @interface %s", configClass());
        s.javadoc("Factory configuration PID of the block's components: one configuration per block instance.");
        s.line("String PID = %s;", Names.literal(pid())).line("");
        s.line("@AttributeDefinition(description = \"Absolute base address of the block instance in the chip's register space.\")");
        s.line("long base_address();").line("");
        s.line("@AttributeDefinition(description = \"The block instance's name in the chip map, unique on a chip.\")");
        s.line("String halcyon_block();").line("");
        s.line("@AttributeDefinition(description = \"The chip instance.\")");
        s.line("String halcyon_chip();").line("");
        s.line("@AttributeDefinition(description = \"Filter selecting the chip's RegisterBus.\")");
        s.line("String bus_target();").line("");
        s.line("@AttributeDefinition(description = \"Reset values of this instance on its chip, REGISTER.FIELD=0xVALUE (chip map values).\", required = false)");
        s.line("String[] halcyon_resets() default {};");
        s.close();
        return s.toString();
    }

    /**
     * What every driver of the block holds and does alike: the bus, base and instance name of its
     * configuration, and the block accessor made on use from them. Made on use, not held: the JIT
     * removes it, so an access costs what hand-written mask-and-shift code costs (a held accessor
     * would add a dependent load).
     */
    String driverBase() {
        String accessor = names.accessorClass;
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import java.util.Objects;").line("");
        s.line("import io.halcyon.hal.api.bus.RegisterBus;").line("");
        s.javadoc("What every driver of block <b>" + Names.javadoc(block.name()) + "</b> holds: the bus, the base address"
                + " and the instance name of its block configuration, from which {@link #regs()} makes the block"
                + " accessor on use. The accessor is made on every use rather than held: the JIT removes it, so an"
                + " access costs what hand-written mask-and-shift code costs (a held accessor adds a dependent load).",
                "Generated from the block's SystemRDL description; do not edit.");
        s.open("public abstract class %s", driverBaseClass());
        s.line("private final RegisterBus bus;").line("private final long base;").line("private final String name;").line("");
        s.javadoc("@param bus the chip's register bus (the driver's {@code bus} reference)",
                "@param config the block configuration the platform published for this instance");
        s.open("protected %s(RegisterBus bus, %s config)", driverBaseClass(), configClass());
        s.line("this.bus = Objects.requireNonNull(bus, \"bus\");");
        s.line("this.base = config.base_address();");
        s.line("this.name = config.halcyon_block();");
        s.close().line("");
        s.javadoc("The block instance's registers.");
        s.open("protected final %s regs()", accessor).line("return new %s(bus, base, name);", accessor).close().line("");
        s.javadoc("The block instance's name in the chip map, e.g. {@code " + Names.javadoc(block.name()) + "}.");
        s.open("protected final String blockName()").line("return name;").close();
        s.close();
        return s.toString();
    }

    String component() {
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import java.util.List;").line("");
        s.line("import org.osgi.annotation.bundle.Capability;");
        s.line("import org.osgi.service.component.annotations.Activate;");
        s.line("import org.osgi.service.component.annotations.Component;");
        s.line("import org.osgi.service.component.annotations.ConfigurationPolicy;").line("");
        s.line("import io.halcyon.hal.api.regmap.HardwareBlock;");
        s.line("import io.halcyon.hal.api.regmap.MemoryInfo;");
        s.line("import io.halcyon.hal.api.regmap.RegisterInfo;");
        s.line("import io.halcyon.hal.api.register.InstanceResets;").line("");
        s.javadoc("Publishes the register map of each instance of block <b>" + Names.javadoc(block.name()) + "</b> for"
                + " shells, dumps and register tests, once per block configuration the platform publishes.",
                "Generated from the block's SystemRDL description; do not edit.");
        s.line("@Capability(namespace = %s, name = %s.BLOCK, attribute = {\"%s=\" + %s.PID, %s})",
                Names.literal(BlockCapability.NAMESPACE), names.mapClass, BlockCapability.PID, configClass(),
                Names.literal(BlockCapability.DESCRIPTIONS + "=" + BlockCapability.DESCRIPTION_FOLDER));
        s.line("@Component(configurationPid = %s.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)", configClass());
        s.open("public final class %s implements HardwareBlock", componentClass());
        s.line("private final String name;").line("private final long base;").line("private final List<RegisterInfo> registers;").line("");
        s.line("@Activate");
        s.open("public %s(%s config)", componentClass(), configClass());
        s.line("this.name = config.halcyon_block();");
        s.line("this.base = config.base_address();");
        s.line("// the chip map's values for this instance (fuses, feature bits) in place of the description's");
        s.line("this.registers = InstanceResets.apply(%s.REGISTERS, config.halcyon_resets());", names.mapClass);
        s.close().line("");
        s.line("@Override");
        s.open("public String name()").line("return name;").close().line("");
        s.line("@Override");
        s.open("public String description()").line("return %s.DESCRIPTION;", names.mapClass).close().line("");
        s.line("@Override");
        s.open("public long baseAddress()").line("return base;").close().line("");
        s.line("@Override");
        s.open("public List<RegisterInfo> registers()").line("return registers;").close().line("");
        s.line("@Override");
        s.open("public List<MemoryInfo> memories()").line("return %s.MEMORIES;", names.mapClass).close();
        s.close();
        return s.toString();
    }
}
