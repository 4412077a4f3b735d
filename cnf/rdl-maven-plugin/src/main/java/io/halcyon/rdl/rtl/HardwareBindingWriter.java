package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.Encoding;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;

/**
 * The C++ side of a chip top's hardware-side ports: {@code <chip>_binding.h} defines
 * {@code bindChip(top, hardware)}, which hands the simulator every block instance (type, base), every
 * field's ports by path ({@code "CH[2].INT_STATUS.DONE"}), every register's software-write pulse and
 * every external memory's request/acknowledge ports. Behaviour models look ports up by these paths, as
 * the emulation's behaviours look up fields, so no model spells a Verilator port name.
 */
final class HardwareBindingWriter {

    private final ChipModel chip;

    HardwareBindingWriter(ChipModel chip) {
        this.chip = chip;
    }

    static String fileName(ChipModel chip) {
        return chip.name() + "_binding.h";
    }

    String write() {
        StringBuilder h = new StringBuilder();
        h.append("// Generated from chip map ").append(chip.name()).append(": its hardware-side ports by path. Do not edit.\n");
        h.append("#pragma once\n#include \"hardware.h\"\n\n");
        h.append("#define HALCYON_CHIP_MAP \"").append(chip.name()).append("\"\n\n");
        h.append("template <class Top> void bindChip(Top* top, halcyon::Hardware& hw) {\n");
        h.append("    using halcyon::Port;\n");
        for (BlockInstance b : chip.blocks()) {
            String i = b.name();
            h.append("    hw.block(\"").append(i).append("\", \"").append(b.type().name()).append("\", 0x")
                    .append(Long.toHexString(b.base())).append("ULL, Port(&top->hwi_").append(i).append("_rst));\n");
            for (RegisterSpec r : b.type().registers()) {
                for (FieldSpec f : r.fields()) {
                    if (f.encoding() != null) {
                        for (Encoding.Member m : f.encoding().members()) {
                            h.append("    hw.code(\"").append(i).append("\", \"").append(r.path()).append('.').append(f.name())
                                    .append("\", \"").append(m.name()).append("\", ").append(m.value()).append(");\n");
                        }
                    }
                }
            }
            for (FieldKind f : new RegisterBlockWriter(b.type()).fields()) {
                String n = i + "_" + f.name();
                h.append("    hw.field(\"").append(i).append("\", \"").append(f.register().path()).append('.').append(f.field().name())
                        .append("\", ").append(f.width()).append(", Port(&top->hwo_").append(n).append("), ");
                h.append(f.hwWritable() ? "Port(&top->hwi_" + n + "_next), Port(&top->hwi_" + n + "_we), " : "Port(), Port(), ");
                h.append(f.counter() ? "Port(&top->hwi_" + n + "_incr), Port(&top->hwi_" + n + "_incrvalue)" : "Port(), Port()");
                h.append(");\n");
            }
            for (RegisterSpec r : b.type().registers()) {
                if (RegisterBlockWriter.writable(r)) {
                    h.append("    hw.written(\"").append(i).append("\", \"").append(r.path()).append("\", Port(&top->hwo_")
                            .append(i).append('_').append(RtlNames.flat(r.path())).append("_swwr));\n");
                }
            }
            for (MemorySpec m : b.type().memories()) {
                String e = "&top->ext_" + i + "_" + RtlNames.flat(m.path());
                h.append("    hw.memory(\"").append(i).append("\", \"").append(m.path()).append("\", 0x")
                        .append(Long.toHexString(m.sizeBytes())).append(", Port(").append(e).append("_req), Port(").append(e)
                        .append("_is_wr), Port(").append(e).append("_addr), Port(").append(e).append("_wr_data), Port(").append(e)
                        .append("_wr_biten), Port(").append(e).append("_ack), Port(").append(e).append("_rd_data));\n");
                if (m.records() != null) {
                    // The memory's virtual registers as one repeating record: where a model finds each field.
                    for (RegisterSpec r : m.records().registers()) {
                        for (FieldSpec f : r.fields()) {
                            h.append("    hw.recordField(\"").append(i).append("\", \"").append(m.path()).append("\", \"")
                                    .append(r.path()).append('.').append(f.name()).append("\", 0x").append(Long.toHexString(m.records().stride()))
                                    .append(", 0x").append(Long.toHexString(r.offset())).append(", ").append(f.lsb()).append(", ")
                                    .append(f.width()).append(");\n");
                        }
                    }
                }
            }
        }
        h.append("}\n");
        return h.toString();
    }
}
