package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.List;

/** Writes the block accessor: one method per register, arrays indexed, bound to a bus and base address. */
final class BlockAccessorWriter {

    private final JavaNames names;
    private final String pkg;

    BlockAccessorWriter(JavaNames names, String pkg) {
        this.names = names;
        this.pkg = pkg;
    }

    String write(BlockModel block) {
        String cls = names.accessorClass;
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        s.line("import java.util.Objects;").line("");
        s.line("import io.halcyon.hal.api.bus.RegisterBus;");
        s.line("import io.halcyon.hal.api.register.RegisterBatch;").line("");
        s.javadoc("<b>" + Names.javadoc(block.name()) + "</b>: " + Names.javadoc(block.summary()),
                "Typed access to the registers of one instance of the block: on one bus, at one base address,"
                        + " under its instance name (which register paths in messages start with). Each method"
                        + " returns the register's accessor, whose operations follow the register's access policy."
                        + " Accessors are small and short-lived; the JIT removes them. Make this one on use from the"
                        + " bus, base and name the driver holds ({@code new Block(bus, base, name).reg().read()}):"
                        + " held in a field, it would cost one more dependent load per access than hand-written code.",
                "Generated from the block's SystemRDL description; do not edit.");
        s.open("public final class %s", cls);
        s.javadoc("The block type's name in its description, the instance name of a block placed once per chip.");
        s.line("public static final String TYPE = %s;", Names.literal(block.name()));
        s.line("").line("private final RegisterBus bus;").line("private final long base;").line("private final String name;").line("");
        s.javadoc("@param bus the chip's register bus", "@param base absolute address of the block instance's first register",
                "@param name the block instance's name in the chip map, e.g. {@code " + Names.javadoc(block.name()) + "}");
        s.open("public %s(RegisterBus bus, long base, String name)", cls);
        s.line("this.bus = Objects.requireNonNull(bus, \"bus\");").line("this.base = base;")
                .line("this.name = Objects.requireNonNull(name, \"name\");").close();
        s.line("");
        s.javadoc("An instance named after the block type, as a block placed once per chip is.");
        s.open("public %s(RegisterBus bus, long base)", cls).line("this(bus, base, TYPE);").close();
        s.line("");
        s.javadoc("Absolute address of the block instance's first register.");
        s.open("public long base()").line("return base;").close();
        s.line("");
        s.javadoc("The block instance's name, the first part of every register path.");
        s.open("public String name()").line("return name;").close();
        s.line("");
        s.javadoc("Waits until every posted write (see the accessors' {@code post}) has completed; throws the first"
                + " error one of them caused.");
        s.open("public void flush()").line("bus.flush();").close();
        s.line("");
        s.javadoc("A batch on this block's bus: registers added to it are read in one pipelined round trip.");
        s.open("public RegisterBatch batch()").line("return new RegisterBatch(bus);").close();
        for (RegisterType r : block.registers()) {
            writeMethod(s, r);
        }
        for (RegisterType r : block.memoryRegisters()) {
            writeMethod(s, r);
        }
        s.close();
        return s.toString();
    }

    private void writeMethod(SourceWriter s, RegisterType r) {
        String handle = names.handleClass(r);
        String register = Names.literal(r.pathTemplate());
        s.line("");
        s.javadoc(Docs.registerHeading(names.block, r));
        if (!r.isArray()) {
            s.open("public %s %s()", handle, names.accessorMethod(r));
            s.line("return new %s(bus, base + %s, name, %s);", handle, SourceWriter.longLiteral(r.offset()), register);
            s.close();
            return;
        }
        List<String> params = new ArrayList<>();
        List<String> indices = new ArrayList<>();
        StringBuilder address = new StringBuilder("base + ").append(SourceWriter.longLiteral(r.offset()));
        int rank = r.dims().length;
        for (int k = 0; k < rank; k++) {
            params.add("int i" + k);
            indices.add("i" + k);
            address.append(" + i").append(k).append(" * ").append(SourceWriter.longLiteral(r.strides()[k]));
        }
        s.open("public %s %s(%s)", handle, names.accessorMethod(r), String.join(", ", params));
        for (int k = 0; k < rank; k++) {
            s.line("Objects.checkIndex(i%d, %d);", k, r.dims()[k]);
        }
        s.line("return new %s(bus, %s, name, %s, %s);", handle, address, register, String.join(", ", indices));
        s.close();
    }
}
