package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A chip map's RTL: {@code <chip>_core}, which decodes each block instance's window from the upper
 * address bits (the chip map guarantees bases aligned to windows) and answers an address in no window
 * with an error at once, and one wrapper per bus, {@code <chip>_apb4} and {@code <chip>_axi4lite}, that
 * put a slave front end before the core. Every block instance's hardware-side ports come out of the
 * top prefixed with the instance name ({@code hwo_clkrst_CORE_PLL_STATUS_LOCKED}), where the
 * simulator's behaviour models drive them.
 */
final class ChipTopWriter {

    static final String[] BUSES = {"apb4", "axi4lite"};

    private final ChipModel chip;

    ChipTopWriter(ChipModel chip) {
        this.chip = chip;
        for (BlockInstance b : chip.blocks()) {
            if (b.base() < 0 || b.base() + b.type().window() > 1L << 32) {
                throw new UnsupportedRtlException(chip.name() + "." + b.name() + ": the RTL's address bus is 32 bits wide, base 0x"
                        + Long.toHexString(b.base()) + " does not fit");
            }
        }
    }

    /** The hand-written slave front end of {@code bus}. */
    static String frontEnd(String bus) {
        return "halcyon_" + bus + "_slave.sv";
    }

    static String topName(ChipModel chip, String bus) {
        return chip.name() + "_" + bus;
    }

    /** The hardware-side port declarations of every block instance, as the core and the wrappers declare them. */
    private String hardwarePorts() {
        StringBuilder p = new StringBuilder();
        for (BlockInstance b : chip.blocks()) {
            // The block's own reset, which the chip's reset logic (a behaviour model) pulses: clkrst's BLOCK_RESET, soft reset.
            p.append("    input  logic hwi_").append(b.name()).append("_rst,\n");
            new RegisterBlockWriter(b.type()).hardwarePorts().forEach(h -> p.append(h.declaration(h.of(b.name()))));
        }
        return p.toString();
    }

    String core() {
        StringBuilder sv = new StringBuilder();
        sv.append("// Generated from chip map ").append(chip.name()).append(". Do not edit.\n");
        sv.append("module ").append(chip.name()).append("_core (\n");
        sv.append("    input  logic clk,\n    input  logic rst,\n");
        sv.append(hardwarePorts());
        sv.append("    input  logic cpuif_req,\n    input  logic cpuif_req_is_wr,\n    input  logic [31:0] cpuif_addr,\n");
        sv.append("    input  logic [31:0] cpuif_wr_data,\n    input  logic [31:0] cpuif_wr_biten,\n");
        sv.append("    output logic cpuif_ack,\n    output logic [31:0] cpuif_rd_data,\n    output logic cpuif_err\n);\n");
        List<String> selects = new ArrayList<>();
        List<String> acks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (BlockInstance b : chip.blocks()) {
            int ow = RegisterBlockWriter.offsetBits(b.type());
            String i = b.name();
            sv.append("\n    // ").append(i).append(": ").append(b.type().name()).append(" at 0x").append(Long.toHexString(b.base()))
                    .append(", window 0x").append(Long.toHexString(b.type().window())).append('\n');
            sv.append("    logic ").append(i).append("_sel, ").append(i).append("_ack, ").append(i).append("_err;\n");
            sv.append("    logic [31:0] ").append(i).append("_rd_data;\n");
            sv.append("    assign ").append(i).append("_sel = cpuif_addr[31:").append(ow).append("] == ")
                    .append(RtlNames.literal(32 - ow, b.base() >>> ow)).append(";\n");
            sv.append("    ").append(RegisterBlockWriter.moduleName(b.type())).append(" #(\n");
            List<String> params = new ArrayList<>();
            RegisterBlockWriter block = new RegisterBlockWriter(b.type());
            for (FieldKind f : block.fields()) {
                params.add("        ." + f.resetParameter() + "(" + RtlNames.literal(f.width(), f.reset()) + ")");
            }
            sv.append(String.join(",\n", params)).append("\n    ) u_").append(i).append(" (\n");
            List<String> conns = new ArrayList<>();
            conns.add(".clk(clk)");
            conns.add(".rst(rst || hwi_" + i + "_rst)");
            conns.add(".req(cpuif_req && " + i + "_sel)");
            conns.add(".req_is_wr(cpuif_req_is_wr)");
            conns.add(".addr(cpuif_addr[" + (ow - 1) + ":0])");
            conns.add(".wr_data(cpuif_wr_data)");
            conns.add(".wr_biten(cpuif_wr_biten)");
            block.hardwarePorts().forEach(h -> conns.add("." + h.name() + "(" + h.of(i) + ")"));
            conns.add(".ack(" + i + "_ack)");
            conns.add(".rd_data(" + i + "_rd_data)");
            conns.add(".err(" + i + "_err)");
            sv.append("        ").append(String.join(",\n        ", conns)).append("\n    );\n");
            selects.add(i + "_sel");
            acks.add(i + "_ack");
            errors.add(i + "_err");
            data.add("(" + i + "_ack ? " + i + "_rd_data : 32'h0)");
        }
        sv.append("\n    // An address in no block's window is answered at once, with an error.\n");
        sv.append("    logic unmapped;\n    assign unmapped = cpuif_req && !(").append(String.join(" || ", selects)).append(");\n");
        sv.append("    assign cpuif_ack = unmapped || ").append(String.join(" || ", acks)).append(";\n");
        sv.append("    assign cpuif_err = unmapped || ").append(String.join(" || ", errors)).append(";\n");
        sv.append("    assign cpuif_rd_data = ").append(String.join("\n                         | ", data)).append(";\n");
        sv.append("endmodule\n");
        return sv.toString();
    }

    /** The chip behind the {@code bus} slave front end; the harness drives the {@code s_apb_*} or {@code s_axil_*} ports. */
    String wrapper(String bus) {
        StringBuilder sv = new StringBuilder();
        sv.append("// Generated from chip map ").append(chip.name()).append(": the chip core behind a ").append(bus)
                .append(" slave. Do not edit.\n");
        sv.append("module ").append(topName(chip, bus)).append(" (\n");
        sv.append("    input  logic clk,\n    input  logic rst,\n");
        sv.append(hardwarePorts());
        // The slave port is the front end's, declared once in its source: s_apb_* or s_axil_*.
        List<String> busPorts = RtlGeneration.resource(frontEnd(bus)).lines().map(String::strip)
                .filter(l -> l.matches("(input|output)\\s.*\\bs_(apb|axil)_\\w+,?")).map(l -> "    " + l.replaceAll(",$", ""))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (bus.equals("apb4")) {
            // Sideband for the harness: every error the generated chip gives is a decode error (no register refuses an access).
            busPorts.add("    output logic        halcyon_decerr");
        }
        sv.append(String.join(",\n", busPorts)).append("\n);\n");
        sv.append("    logic cpuif_req, cpuif_req_is_wr, cpuif_ack, cpuif_err;\n");
        sv.append("    logic [31:0] cpuif_addr, cpuif_wr_data, cpuif_wr_biten, cpuif_rd_data;\n");
        sv.append("    ").append(frontEnd(bus).replace(".sv", "")).append(" u_slave (.*);\n");
        if (bus.equals("apb4")) {
            sv.append("    assign halcyon_decerr = s_apb_pslverr;\n");
        }
        sv.append("    ").append(chip.name()).append("_core u_core (.*);\n");
        sv.append("endmodule\n");
        return sv.toString();
    }
}
