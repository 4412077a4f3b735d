package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a block's registers as a C header for firmware, in the style firmware teams use (OpenTitan,
 * CMSIS): per register its byte offset from the block's base and reset value, per field its shift,
 * width, mask (in place) and reset, per array element count and stride with an {@code _OFFSET_AT(i)}
 * macro, per encoding member its value; memories with their entry count and width. Names are
 * {@code BLOCK_REGISTER[_FIELD]_WHAT} in capitals ({@code DMA_CH_HEAD_INDEX_MASK}), values unsigned
 * literals of the register's width ({@code UINT32_C}/{@code UINT64_C}). Plain C11, no code: it
 * compiles with {@code -Wall -Werror -std=c11} and can be included from anywhere.
 */
final class CHeaderWriter {

    private final Map<String, String> macros = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private String prefix;

    String write(BlockModel block) {
        prefix = constant(block.name());
        String guard = "HALCYON_" + prefix + "_REGS_H";
        out.append("/*\n * Registers of block ").append(comment(block.name()));
        if (!block.summary().isEmpty()) {
            out.append(": ").append(comment(block.summary()));
        }
        out.append(".\n * Offsets are bytes from the block instance's base address; masks are in place.\n")
                .append(" * Generated from the block's register description; do not edit.\n */\n");
        out.append("#ifndef ").append(guard).append('\n').append("#define ").append(guard).append("\n\n");
        out.append("#include <stdint.h>\n");
        for (RegisterType r : block.registers()) {
            register(r);
        }
        Map<String, List<MemoryModel>> memories = new LinkedHashMap<>();
        for (MemoryModel m : block.memories()) {
            memories.computeIfAbsent(m.name().replaceAll("\\[\\d+]", ""), k -> new ArrayList<>()).add(m);
        }
        memories.forEach(this::memory);
        for (RegisterType r : block.memoryRegisters()) {
            register(r);
        }
        out.append("\n#endif /* ").append(guard).append(" */\n");
        return out.toString();
    }

    private void register(RegisterType r) {
        String reg = prefix + "_" + constant(r.key());
        String u = r.width() == 64 ? "UINT64_C" : "UINT32_C";
        out.append("\n/* ").append(r.key()).append(Docs.dims(r));
        if (!r.summary().isEmpty()) {
            out.append(": ").append(comment(r.summary()));
        }
        out.append(" (").append(r.width()).append(" bits) */\n");
        define(reg + "_OFFSET", "UINT32_C(" + Docs.hex(r.offset()) + ")", r.key());
        define(reg + "_RESET", u + "(" + Docs.hex(FieldModel.busReset(r.fields())) + ")", r.key());
        int rank = r.dims().length;
        if (rank > 0) {
            StringBuilder params = new StringBuilder();
            StringBuilder sum = new StringBuilder("(" + reg + "_OFFSET");
            for (int k = 0; k < rank; k++) {
                String suffix = rank == 1 ? "" : "_" + k;
                define(reg + "_COUNT" + suffix, "UINT32_C(" + r.dims()[k] + ")", r.key());
                define(reg + "_STRIDE" + suffix, "UINT32_C(" + Docs.hex(r.strides()[k]) + ")", r.key());
                params.append(k == 0 ? "" : ", ").append("i").append(k);
                sum.append(" + (uint32_t)(i").append(k).append(") * ").append(reg).append("_STRIDE").append(suffix);
            }
            // Not range-checked: firmware indexes with a checked or constant index, as it does for arrays.
            define(reg + "_OFFSET_AT(" + params + ")", sum + ")", r.key());
        }
        for (FieldModel f : r.fields()) {
            String field = reg + "_" + constant(f.instName());
            String what = r.key() + "." + f.instName();
            define(field + "_SHIFT", "UINT32_C(" + f.lsb() + ")", what);
            define(field + "_WIDTH", "UINT32_C(" + f.width() + ")", what);
            define(field + "_MASK", u + "(" + Docs.hex(f.mask()) + ")", what);
            if (f.busReset() != null) {
                define(field + "_RESET", u + "(" + Docs.hex(f.busReset() & f.ones()) + ")", what);
            }
            if (f.encode() != null) {
                for (var m : f.encode().members()) {
                    define(field + "_" + constant(m.name()), u + "(" + Docs.hex(m.value()) + ")", what + " = " + m.name());
                }
            }
        }
    }

    /** A memory, or an array of memories (elements one by one in the model) folded like a register array. */
    private void memory(String name, List<MemoryModel> elements) {
        String mem = prefix + "_" + constant(name);
        MemoryModel first = elements.get(0);
        out.append("\n/* ").append(name).append(elements.size() > 1 ? "[" + elements.size() + "]" : "").append(" (memory) */\n");
        define(mem + "_OFFSET", "UINT32_C(" + Docs.hex(first.offset()) + ")", name);
        define(mem + "_ENTRIES", "UINT32_C(" + first.entries() + ")", name);
        define(mem + "_WIDTH", "UINT32_C(" + first.width() + ")", name);
        if (elements.size() > 1) {
            long stride = elements.get(1).offset() - first.offset();
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i).offset() != first.offset() + i * stride) {
                    throw new GenerationException("C header: the elements of memory array " + name + " are not evenly spaced");
                }
            }
            define(mem + "_COUNT", "UINT32_C(" + elements.size() + ")", name);
            define(mem + "_STRIDE", "UINT32_C(" + Docs.hex(stride) + ")", name);
            define(mem + "_OFFSET_AT(i0)", "(" + mem + "_OFFSET + (uint32_t)(i0) * " + mem + "_STRIDE)", name);
        }
    }

    /** One #define; two things of the description that would get the same macro fail generation. */
    private void define(String name, String value, String what) {
        String macro = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
        String previous = macros.putIfAbsent(macro, what);
        if (previous != null) {
            throw new GenerationException("C header: " + previous + " and " + what + " both map to macro " + macro);
        }
        out.append("#define ").append(name).append(' ').append(value).append('\n');
    }

    /** {@code CH.HEAD} -> {@code CH_HEAD}: a C macro part in capitals. */
    static String constant(String name) {
        String c = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return Character.isDigit(c.charAt(0)) ? "N" + c : c;
    }

    /** Text safe inside a C block comment. */
    private static String comment(String text) {
        return Names.oneLine(text).replace("*/", "* /");
    }
}
