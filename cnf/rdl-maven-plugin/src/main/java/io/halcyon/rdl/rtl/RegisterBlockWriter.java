package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One register-block module per block type, {@code halcyon_<type>_regs}: a request interface (one
 * cycle {@code req} with the byte offset, write data and bit enables; {@code ack} in the same cycle
 * for registers, when the hardware side answers for external memories), per register its decoded
 * strobes, per field the logic {@link FieldKind} gives, a read mux, and the hardware-side ports. Reset
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

    String write() {
        int ow = offsetBits(type);
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
        for (RegisterSpec r : type.registers()) {
            writeStrobes(sv, r, ow);
        }
        for (FieldKind f : fields) {
            f.writeLogic(sv, "r_" + RtlNames.flat(f.register().path()));
            sv.append("    assign hwo_").append(f.name()).append(" = ").append(f.name()).append("_q;\n");
        }
        writeReadMux(sv, ow);
        sv.append("endmodule\n");
        return sv.toString();
    }

    /** The hardware side: per field its ports, per writable register its write pulse, per external memory its interface. */
    List<HardwarePort> hardwarePorts() {
        List<HardwarePort> ports = new ArrayList<>();
        fields.forEach(f -> f.addPorts(ports));
        for (RegisterSpec r : type.registers()) {
            if (writable(r)) {
                ports.add(new HardwarePort(false, 1, "hwo_" + RtlNames.flat(r.path()) + "_swwr"));
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

    private static void writeStrobes(StringBuilder sv, RegisterSpec r, int ow) {
        String reg = "r_" + RtlNames.flat(r.path());
        int rw = r.width();
        sv.append("\n    // ").append(r.path()).append(" @ 0x").append(Long.toHexString(r.offset())).append('\n');
        sv.append("    logic ").append(reg).append("_sel_lo, ").append(reg).append("_wr, ").append(reg).append("_rd;\n");
        sv.append("    logic [").append(rw - 1).append(":0] ").append(reg).append("_wdata, ").append(reg).append("_biten, ")
                .append(reg).append("_rdval;\n");
        sv.append("    assign ").append(reg).append("_sel_lo = req && addr == ").append(RtlNames.literal(ow, r.offset())).append(";\n");
        if (rw == 64) {
            sv.append("    logic ").append(reg).append("_sel_hi;\n    logic [31:0] ").append(reg).append("_latch;\n");
            sv.append("    assign ").append(reg).append("_sel_hi = req && addr == ").append(RtlNames.literal(ow, r.offset() + 4)).append(";\n");
            sv.append("    assign ").append(reg).append("_wdata = ").append(reg).append("_sel_hi ? {wr_data, 32'h0} : {32'h0, wr_data};\n");
            sv.append("    assign ").append(reg).append("_biten = ").append(reg).append("_sel_hi ? {wr_biten, 32'h0} : {32'h0, wr_biten};\n");
            sv.append("    assign ").append(reg).append("_wr = (").append(reg).append("_sel_lo || ").append(reg).append("_sel_hi) && req_is_wr;\n");
            // Read side effects and the latch belong to the low word, which a 64-bit read reads first.
            sv.append("    always_ff @(posedge clk) if (").append(reg).append("_rd) ").append(reg).append("_latch <= ")
                    .append(reg).append("_rdval[63:32];\n");
        } else {
            sv.append("    assign ").append(reg).append("_wdata = wr_data;\n");
            sv.append("    assign ").append(reg).append("_biten = wr_biten;\n");
            sv.append("    assign ").append(reg).append("_wr = ").append(reg).append("_sel_lo && req_is_wr;\n");
        }
        sv.append("    assign ").append(reg).append("_rd = ").append(reg).append("_sel_lo && !req_is_wr;\n");
        if (writable(r)) {
            sv.append("    always_ff @(posedge clk) hwo_").append(RtlNames.flat(r.path())).append("_swwr <= !rst && ")
                    .append(reg).append("_wr;\n");
        }
    }

    private void writeReadMux(StringBuilder sv, int ow) {
        sv.append("\n    // Read values: software-readable fields in place, every other bit 0.\n");
        for (RegisterSpec r : type.registers()) {
            String reg = "r_" + RtlNames.flat(r.path());
            sv.append("    always_comb begin\n        ").append(reg).append("_rdval = '0;\n");
            for (FieldKind f : fields) {
                if (f.register() == r && f.swReadable()) {
                    sv.append("        ").append(reg).append("_rdval[").append(f.msb()).append(':').append(f.field().lsb())
                            .append("] = ").append(f.name()).append("_q;\n");
                }
            }
            sv.append("    end\n");
        }
        List<String> extHits = new ArrayList<>();
        List<String> extAcks = new ArrayList<>();
        for (MemorySpec m : type.memories()) {
            String e = "ext_" + RtlNames.flat(m.path());
            long end = m.offset() + m.sizeBytes();
            sv.append("    logic ").append(e).append("_hit;\n");
            sv.append("    assign ").append(e).append("_hit = req && addr >= ").append(RtlNames.literal(ow, m.offset()))
                    .append(end >= 1L << ow ? "" : " && addr < " + RtlNames.literal(ow, end)).append(";\n");
            sv.append("    always_ff @(posedge clk) begin\n");
            sv.append("        ").append(e).append("_req <= !rst && ").append(e).append("_hit;\n");
            sv.append("        ").append(e).append("_is_wr <= req_is_wr;\n");
            sv.append("        ").append(e).append("_addr <= 32'(addr) - 32'h").append(Long.toHexString(m.offset())).append(";\n");
            sv.append("        ").append(e).append("_wr_data <= wr_data;\n");
            sv.append("        ").append(e).append("_wr_biten <= wr_biten;\n");
            sv.append("    end\n");
            extHits.add(e + "_hit");
            extAcks.add(e + "_ack");
        }
        sv.append("    logic hit;\n    logic [31:0] rdmux;\n");
        sv.append("    always_comb begin\n        hit = 1'b0;\n        rdmux = '0;\n");
        for (RegisterSpec r : type.registers()) {
            String reg = "r_" + RtlNames.flat(r.path());
            sv.append("        if (").append(reg).append("_sel_lo) begin hit = 1'b1; rdmux = ").append(reg).append("_rdval[31:0]; end\n");
            if (r.width() == 64) {
                sv.append("        if (").append(reg).append("_sel_hi) begin hit = 1'b1; rdmux = ").append(reg).append("_latch; end\n");
            }
        }
        sv.append("    end\n");
        String anyExtHit = extHits.isEmpty() ? "1'b0" : String.join(" || ", extHits);
        String anyExtAck = extAcks.isEmpty() ? "1'b0" : String.join(" || ", extAcks);
        sv.append("    // Registers answer at once; an external memory when its hardware side acknowledges.\n");
        sv.append("    assign ack = (req && !(").append(anyExtHit).append(")) || ").append(anyExtAck).append(";\n");
        sv.append("    assign err = req && !hit && !(").append(anyExtHit).append(");\n");
        StringBuilder data = new StringBuilder("rdmux");
        for (MemorySpec m : type.memories()) {
            String e = "ext_" + RtlNames.flat(m.path());
            data.insert(0, e + "_ack ? " + e + "_rd_data : ");
        }
        sv.append("    assign rd_data = ").append(data).append(";\n");
    }
}
