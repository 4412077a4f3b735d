package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.List;

/** Writes the human-readable register map of a block as Markdown: addresses, fields, access, reset, text. */
final class RegisterMapDocument {

    String write(BlockModel block) {
        StringBuilder md = new StringBuilder();
        md.append("# Register map: ").append(block.name()).append("\n\n");
        if (!block.summary().isEmpty()) {
            md.append(block.summary()).append("\n\n");
        }
        md.append("Generated from the block's SystemRDL description. Offsets are from the block's base address.\n\n");
        md.append("| offset | register | width | reset | access | summary |\n|---|---|---|---|---|---|\n");
        for (RegisterType r : block.registers()) {
            md.append("| ").append(hex(r.offset())).append(" | [").append(r.key()).append(Docs.dims(r)).append("](#")
                    .append(Docs.anchor(r)).append(") | ").append(r.width()).append(" | ").append(hex(r.reset()))
                    .append(" | ").append(Docs.access(new RegisterPolicy(r))).append(" | ").append(cell(r.summary()))
                    .append(" |\n");
        }
        for (RegisterType r : block.registers()) {
            register(md, r);
        }
        return md.toString();
    }

    private void register(StringBuilder md, RegisterType r) {
        md.append("\n## ").append(r.key()).append(Docs.dims(r)).append(" {#").append(Docs.anchor(r)).append("}\n\n");
        if (r.title() != null && !r.title().isBlank()) {
            md.append("**").append(Names.oneLine(r.title())).append("**\n\n");
        }
        if (r.desc() != null && !r.desc().isBlank()) {
            md.append(r.desc().strip()).append("\n\n");
        }
        md.append("Offset ").append(hex(r.offset()));
        if (r.isArray()) {
            md.append(", array ").append(Docs.dims(r)).append(" with stride ").append(Docs.strides(r));
        }
        md.append(", ").append(r.width()).append(" bits, reset ").append(hex(r.reset())).append(".\n\n");
        md.append("| bits | field | sw | hw | effects | reset | description |\n|---|---|---|---|---|---|---|\n");
        for (FieldModel f : r.fields()) {
            md.append("| ").append(f.msb() == f.lsb() ? String.valueOf(f.lsb()) : f.msb() + ":" + f.lsb())
                    .append(" | ").append(f.instName()).append(" | ").append(f.sw()).append(" | ").append(f.hw())
                    .append(" | ").append(Docs.effects(f)).append(" | ")
                    .append(f.reset() == null ? "-" : hex(f.reset())).append(" | ").append(cell(fieldText(f)))
                    .append(" |\n");
        }
    }

    private static String fieldText(FieldModel f) {
        String text = f.summary();
        if (f.encode() != null) {
            List<String> members = new ArrayList<>();
            f.encode().members().forEach(m -> members.add(hex(m.value()) + " " + m.name()));
            text += (text.isEmpty() ? "" : " ") + "Values: " + String.join(", ", members) + ".";
        }
        return text;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String hex(long v) {
        return Docs.hex(v);
    }
}
