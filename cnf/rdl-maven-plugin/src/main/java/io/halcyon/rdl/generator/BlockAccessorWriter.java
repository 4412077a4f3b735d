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
        s.line("import io.halcyon.hal.api.bus.RegisterBus;").line("");
        s.javadoc("<b>" + Names.javadoc(block.name()) + "</b>: " + Names.javadoc(block.summary()),
                "Typed access to the block's registers on one bus at one base address. Each method returns the"
                        + " register's accessor, whose operations follow the register's access policy. Accessors are"
                        + " small and short-lived; the JIT removes them. Make this one on use from the bus and base"
                        + " the driver holds ({@code new Block(bus, base).reg().read()}): held in a field, it would"
                        + " cost one more dependent load per access than hand-written code.",
                "Generated from the block's SystemRDL description; do not edit.");
        s.open("public final class %s", cls);
        s.line("private final RegisterBus bus;").line("private final long base;").line("");
        s.javadoc("@param bus the chip's register bus", "@param base absolute address of the block's first register");
        s.open("public %s(RegisterBus bus, long base)", cls);
        s.line("this.bus = Objects.requireNonNull(bus, \"bus\");").line("this.base = base;").close();
        s.line("");
        s.javadoc("Absolute address of the block's first register.");
        s.open("public long base()").line("return base;").close();
        for (RegisterType r : block.registers()) {
            writeMethod(s, r);
        }
        s.close();
        return s.toString();
    }

    private void writeMethod(SourceWriter s, RegisterType r) {
        String handle = names.handleClass(r);
        s.line("");
        s.javadoc(Docs.registerHeading(names.block, r));
        if (!r.isArray()) {
            s.open("public %s %s()", handle, names.accessorMethod(r));
            s.line("return new %s(bus, base);", handle);
            s.close();
            return;
        }
        List<String> params = new ArrayList<>();
        StringBuilder address = new StringBuilder("base");
        int rank = r.dims().length;
        for (int k = 0; k < rank; k++) {
            String suffix = rank == 1 ? "" : "_" + k;
            params.add("int i" + k);
            address.append(" + i").append(k).append(" * ").append(handle).append(".STRIDE").append(suffix);
        }
        s.open("public %s %s(%s)", handle, names.accessorMethod(r), String.join(", ", params));
        for (int k = 0; k < rank; k++) {
            s.line("Objects.checkIndex(i%d, %s.COUNT%s);", k, handle, rank == 1 ? "" : "_" + k);
        }
        s.line("return new %s(bus, %s);", handle, address);
        s.close();
    }
}
