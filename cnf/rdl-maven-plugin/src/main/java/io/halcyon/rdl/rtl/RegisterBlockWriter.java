package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One register-block module per block type, {@code halcyon_<type>_regs}: a request interface (one
 * cycle {@code req} with the byte offset, write data and bit enables; {@code ack} in the same cycle
 * for registers, when the hardware side answers for external memories), an address decode into one
 * select bit per register word, one clocked process with each field's statements as {@link FieldKind}
 * gives them, a read mux, and the hardware-side ports. Reset
 * values are parameters, so each block instance of a chip gets its own (identity, fuse contents).
 *
 * <p>The bus is 32 bits wide. A 64-bit register is two words; reading its low word latches the high
 * word, which the read of the high word returns, so a 64-bit read is never torn even while the hardware
 * updates the register between the two (a counter). An offset that decodes to nothing answers with
 * {@code err}.
 */
final class RegisterBlockWriter {

    private final BlockType type;
    private final List<FieldKind> fields = new ArrayList<>();

    RegisterBlockWriter(BlockType type) {
        this.type = type;
        for (RegisterSpec r : type.registers()) {
            if (r.aliasOf() != null) {
                throw new UnsupportedRtlException(type.name() + "." + r.path() + ": alias registers are not supported by the RTL generator");
            }
            if (r.external()) {
                throw new UnsupportedRtlException(type.name() + "." + r.path()
                        + ": external registers are not supported by the RTL generator (external memories are)");
            }
            if (r.width() != 32 && r.width() != 64) {
                throw new UnsupportedRtlException(type.name() + "." + r.path() + ": regwidth " + r.width()
                        + " is not supported by the RTL generator (32 and 64 are)");
            }
            if (r.offset() % 4 != 0) {
                throw new UnsupportedRtlException(type.name() + "." + r.path() + ": offset not 4-byte aligned");
            }
            r.fields().forEach(f -> fields.add(FieldKind.of(type.name(), r, f)));
        }
        for (MemorySpec m : type.memories()) {
            if (!m.external()) {
                throw new UnsupportedRtlException(type.name() + "." + m.path()
                        + ": a memory inside the register block is not supported by the RTL generator; declare it external");
            }
        }
    }

    static String moduleName(BlockType type) {
        return "halcyon_" + type.name() + "_regs";
    }

    /** Bits of the byte offset within the block's window. */
    static int offsetBits(BlockType type) {
        return Math.max(2, Long.numberOfTrailingZeros(type.window()));
    }

    List<FieldKind> fields() {
        return fields;
    }

    /** Registers software can write: each has a {@code hwo_<register>_swwr} pulse for the hardware side. */
    static boolean writable(RegisterSpec r) {
        return r.fields().stream().anyMatch(f -> f.sw().contains("w"));
    }

    /** The hardware side: per field its ports, per writable register its write pulse, per external memory its interface. */
    List<HardwarePort> hardwarePorts() {
        List<HardwarePort> ports = new ArrayList<>();
        fields.forEach(f -> f.addPorts(ports));
        for (RegisterSpec r : type.registers()) {
            if (writable(r)) {
                ports.add(new HardwarePort(false, 1, writePulse(r)));
            }
        }
        for (MemorySpec m : type.memories()) {
            String e = "ext_" + RtlNames.flat(m.path());
            ports.add(new HardwarePort(false, 1, e + "_req"));
            ports.add(new HardwarePort(false, 1, e + "_is_wr"));
            ports.add(new HardwarePort(false, 32, e + "_addr"));
            ports.add(new HardwarePort(false, 32, e + "_wr_data"));
            ports.add(new HardwarePort(false, 32, e + "_wr_biten"));
            ports.add(new HardwarePort(true, 1, e + "_ack"));
            ports.add(new HardwarePort(true, 32, e + "_rd_data"));
        }
        return ports;
    }

    private String ports(int ow) {
        StringBuilder p = new StringBuilder();
        p.append("    input  logic clk,\n    input  logic rst,\n");
        p.append("    input  logic req,\n    input  logic req_is_wr,\n");
        p.append("    input  logic [").append(ow - 1).append(":0] addr,\n");
        p.append("    input  logic [31:0] wr_data,\n    input  logic [31:0] wr_biten,\n");
        hardwarePorts().forEach(h -> p.append(h.declaration(h.name())));
        p.append("    output logic ack,\n    output logic [31:0] rd_data,\n    output logic err\n");
        return p.toString();
    }

    /** One 32-bit bus word of a register (a 64-bit register has two) and its bit in the block's select vector. */
    private record Word(RegisterSpec register, int half, int index) {
        long offset() {
            return register.offset() + 4L * half;
        }

        String label() {
            return register.path() + (register.width() == 64 ? half == 0 ? " (low word)" : " (high word)" : "");
        }
    }

    private List<Word> words() {
        List<Word> words = new ArrayList<>();
        for (RegisterSpec r : type.registers()) {
            for (int half = 0; half < r.width() / 32; half++) {
                words.add(new Word(r, half, words.size()));
            }
        }
        return words;
    }

    /*
     * The module's shape is chosen for simulation speed as much as for hardware: everything a field does happens in
     * one clocked process, and everything software does is under the address decode's select bits, so a cycle
     * without an access to the block costs a test per hardware-written field and nothing per register (a simulator
     * such as Verilator evaluates every process each cycle; combinational next-value logic per field would run
     * every cycle, and twice where it reads the hardware-side inputs).
     */
    String write() {
        int ow = offsetBits(type);
        List<Word> words = words();
        StringBuilder sv = new StringBuilder();
        sv.append("// Generated from the chip model of block type ").append(type.name()).append(" (").append(type.description())
                .append("). Do not edit.\n");
        sv.append("module ").append(moduleName(type)).append(" #(\n");
        List<String> params = new ArrayList<>();
        for (FieldKind f : fields) {
            params.add("    parameter logic " + RtlNames.range(f.width()) + f.resetParameter() + " = " + RtlNames.literal(f.width(), f.reset()));
        }
        sv.append(String.join(",\n", params)).append("\n) (\n");
        sv.append(ports(ow));
        sv.append(");\n");
        writeDecode(sv, words, ow);
        sv.append("\n    // Fields.\n");
        for (FieldKind f : fields) {
            f.declare(sv);
            sv.append("    assign hwo_").append(f.name()).append(" = ").append(f.name()).append("_q;\n");
        }
        for (RegisterSpec r : type.registers()) {
            if (r.width() == 64) {
                sv.append("    logic [31:0] r_").append(RtlNames.flat(r.path())).append("_latch;  // ").append(r.path())
                        .append("'s high word as its low word was read\n");
            }
        }
        writeClocked(sv, words);
        writeReadMux(sv, words, ow);
        sv.append("endmodule\n");
        return sv.toString();
    }

    /** The address decode: one select bit per register word, set only in a cycle with a request. */
    private static void writeDecode(StringBuilder sv, List<Word> words, int ow) {
        sv.append("\n    // Address decode: select bit per register word, only in a cycle with a request.\n");
        sv.append("    logic [").append(Math.max(1, words.size()) - 1).append(":0] sel;\n");
        sv.append("    always_comb begin\n        sel = '0;\n        if (req) begin\n            case (addr)\n");
        for (Word w : words) {
            sv.append("                ").append(RtlNames.literal(ow, w.offset())).append(": sel[").append(w.index()).append("] = 1'b1;  // ")
                    .append(w.label()).append('\n');
        }
        sv.append("                default: ;\n            endcase\n        end\n    end\n");
    }

    /**
     * The block's one clocked process: reset; each field's hardware events; then, under the select bits, software's
     * writes (and the registers' write pulses) or reads (side effects, and a 64-bit register's high-word latch).
     * Software comes last and wins a same-cycle conflict, SystemRDL's default precedence.
     */
    private void writeClocked(StringBuilder sv, List<Word> words) {
        sv.append("\n    always_ff @(posedge clk) begin\n        if (rst) begin\n");
        for (FieldKind f : fields) {
            line(sv, 3, f.resetStatement());
        }
        clearWritePulses(sv);
        sv.append("        end else begin\n");
        for (FieldKind f : fields) {
            line(sv, 3, f.idleStatement());
        }
        clearWritePulses(sv);
        sv.append("            if (req && req_is_wr) begin\n");
        for (Word w : words) {
            List<String> body = new ArrayList<>();
            fields.stream().filter(f -> f.register() == w.register()).map(f -> f.writeStatement(w.half())).forEach(body::add);
            if (writable(w.register())) {
                body.add(writePulse(w.register()) + " <= 1'b1;");
            }
            armOf(sv, w, body);
        }
        sv.append("            end\n            if (req && !req_is_wr) begin\n");
        for (Word w : words) {
            if (w.half() != 0) {
                continue;  // read side effects and the latch belong to the low word, which a 64-bit read reads first
            }
            List<String> body = new ArrayList<>();
            fields.stream().filter(f -> f.register() == w.register()).map(FieldKind::readStatement).forEach(body::add);
            if (w.register().width() == 64) {
                body.add("r_" + RtlNames.flat(w.register().path()) + "_latch <= " + wordValue(w.register(), 1) + ";");
            }
            armOf(sv, w, body);
        }
        sv.append("            end\n        end\n    end\n");
    }

    /** Every register's software-write pulse back to 0 (the write of a register sets its own after this). */
    private void clearWritePulses(StringBuilder sv) {
        type.registers().stream().filter(RegisterBlockWriter::writable).forEach(r -> line(sv, 3, writePulse(r) + " <= 1'b0;"));
    }

    /** The port that is 1 in the cycle after software wrote register {@code r}. */
    private static String writePulse(RegisterSpec r) {
        return "hwo_" + RtlNames.flat(r.path()) + "_swwr";
    }

    /** {@code if (sel[i]) begin ... end} around the statements that are not null, or nothing when none is. */
    private static void armOf(StringBuilder sv, Word w, List<String> statements) {
        List<String> body = statements.stream().filter(java.util.Objects::nonNull).toList();
        if (body.isEmpty()) {
            return;
        }
        sv.append("                if (sel[").append(w.index()).append("]) begin  // ").append(w.label()).append('\n');
        body.forEach(s -> line(sv, 5, s));
        sv.append("                end\n");
    }

    private static void line(StringBuilder sv, int indent, String statement) {
        if (statement != null) {
            sv.append("    ".repeat(indent)).append(statement).append('\n');
        }
    }

    /** What software reads of word {@code half} of register {@code r}: its readable fields in place, every other bit 0. */
    private String wordValue(RegisterSpec r, int half) {
        List<String> parts = new ArrayList<>();
        int next = 32 * half + 31;  // the highest bit not yet covered
        List<FieldKind> readable = fields.stream().filter(f -> f.register() == r && f.swReadable())
                .sorted(java.util.Comparator.comparingInt((FieldKind f) -> f.field().lsb()).reversed()).toList();
        for (FieldKind f : readable) {
            int lo = Math.max(f.field().lsb(), 32 * half), hi = Math.min(f.msb(), 32 * half + 31);
            if (lo > hi) {
                continue;
            }
            if (hi < next) {
                parts.add((next - hi) + "'h0");
            }
            parts.add(f.name() + "_q" + (lo == f.field().lsb() && hi == f.msb() ? ""
                    : "[" + (hi - f.field().lsb()) + ":" + (lo - f.field().lsb()) + "]"));
            next = lo - 1;
        }
        if (next >= 32 * half) {
            parts.add((next - 32 * half + 1) + "'h0");
        }
        return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
    }

    private void writeReadMux(StringBuilder sv, List<Word> words, int ow) {
        sv.append("\n    // Read data: software-readable fields in place, every other bit 0; a 64-bit register's high word from its latch.\n");
        sv.append("    logic [31:0] rdmux;\n");
        sv.append("    always_comb begin\n        rdmux = '0;\n        if (req) begin\n");
        for (Word w : words) {
            String value = w.half() == 1 ? "r_" + RtlNames.flat(w.register().path()) + "_latch" : wordValue(w.register(), 0);
            sv.append("            if (sel[").append(w.index()).append("]) rdmux = ").append(value).append(";  // ").append(w.label())
                    .append('\n');
        }
        sv.append("        end\n    end\n");
        List<String> extHits = new ArrayList<>();
        List<String> extAcks = new ArrayList<>();
        for (MemorySpec m : type.memories()) {
            String e = "ext_" + RtlNames.flat(m.path());
            long end = m.offset() + m.sizeBytes();
            sv.append("    logic ").append(e).append("_hit;\n");
            sv.append("    assign ").append(e).append("_hit = req && addr >= ").append(RtlNames.literal(ow, m.offset()))
                    .append(end >= 1L << ow ? "" : " && addr < " + RtlNames.literal(ow, end)).append(";\n");
            // The request's address and data are taken only with the request: the memory reads them only then.
            sv.append("    always_ff @(posedge clk) begin\n");
            sv.append("        ").append(e).append("_req <= !rst && ").append(e).append("_hit;\n");
            sv.append("        if (").append(e).append("_hit) begin\n");
            sv.append("            ").append(e).append("_is_wr <= req_is_wr;\n");
            sv.append("            ").append(e).append("_addr <= 32'(addr) - 32'h").append(Long.toHexString(m.offset())).append(";\n");
            sv.append("            ").append(e).append("_wr_data <= wr_data;\n");
            sv.append("            ").append(e).append("_wr_biten <= wr_biten;\n");
            sv.append("        end\n    end\n");
            extHits.add(e + "_hit");
            extAcks.add(e + "_ack");
        }
        String anyExtHit = extHits.isEmpty() ? "1'b0" : String.join(" || ", extHits);
        String anyExtAck = extAcks.isEmpty() ? "1'b0" : String.join(" || ", extAcks);
        sv.append("    // Registers answer at once; an external memory when its hardware side acknowledges.\n");
        sv.append("    assign ack = (req && !(").append(anyExtHit).append(")) || ").append(anyExtAck).append(";\n");
        sv.append("    assign err = req && !(|sel) && !(").append(anyExtHit).append(");\n");
        StringBuilder data = new StringBuilder("rdmux");
        for (MemorySpec m : type.memories()) {
            String e = "ext_" + RtlNames.flat(m.path());
            data.insert(0, e + "_ack ? " + e + "_rd_data : ");
        }
        sv.append("    assign rd_data = ").append(data).append(";\n");
    }
}
