package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
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

    static String topName(ChipModel chip, String bus) {
        return chip.name() + "_" + bus;
    }

    /** The hardware-side port declarations of every block instance, as the core and the wrappers declare them. */
    private String hardwarePorts() {
        StringBuilder p = new StringBuilder();
        for (BlockInstance b : chip.blocks()) {
            // The block's own reset, which the chip's reset logic (a behaviour model) pulses: clkrst's BLOCK_RESET, soft reset.
            p.append("    input  logic hwi_").append(b.name()).append("_rst,\n");
            for (FieldKind f : new RegisterBlockWriter(b.type()).fields()) {
                String n = b.name() + "_" + f.name();
                String w = RtlNames.range(f.width());
                p.append("    output logic ").append(w).append("hwo_").append(n).append(",\n");
                if (f.hwWritable()) {
                    p.append("    input  logic ").append(w).append("hwi_").append(n).append("_next,\n");
                    p.append("    input  logic hwi_").append(n).append("_we,\n");
                }
                if (f.counter()) {
                    p.append("    input  logic hwi_").append(n).append("_incr,\n");
                    p.append("    input  logic ").append(w).append("hwi_").append(n).append("_incrvalue,\n");
                }
            }
            for (RegisterSpec r : b.type().registers()) {
                if (RegisterBlockWriter.writable(r)) {
                    p.append("    output logic hwo_").append(b.name()).append('_').append(RtlNames.flat(r.path())).append("_swwr,\n");
                }
            }
            for (MemorySpec m : b.type().memories()) {
                String e = "ext_" + b.name() + "_" + RtlNames.flat(m.path());
                p.append("    output logic ").append(e).append("_req,\n");
                p.append("    output logic ").append(e).append("_is_wr,\n");
                p.append("    output logic [31:0] ").append(e).append("_addr,\n");
                p.append("    output logic [31:0] ").append(e).append("_wr_data,\n");
                p.append("    output logic [31:0] ").append(e).append("_wr_biten,\n");
                p.append("    input  logic ").append(e).append("_ack,\n");
                p.append("    input  logic [31:0] ").append(e).append("_rd_data,\n");
            }
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
            for (FieldKind f : block.fields()) {
                String n = f.name();
                conns.add(".hwo_" + n + "(hwo_" + i + "_" + n + ")");
                if (f.hwWritable()) {
                    conns.add(".hwi_" + n + "_next(hwi_" + i + "_" + n + "_next)");
                    conns.add(".hwi_" + n + "_we(hwi_" + i + "_" + n + "_we)");
                }
                if (f.counter()) {
                    conns.add(".hwi_" + n + "_incr(hwi_" + i + "_" + n + "_incr)");
                    conns.add(".hwi_" + n + "_incrvalue(hwi_" + i + "_" + n + "_incrvalue)");
                }
            }
            for (RegisterSpec r : b.type().registers()) {
                if (RegisterBlockWriter.writable(r)) {
                    String n = RtlNames.flat(r.path()) + "_swwr";
                    conns.add(".hwo_" + n + "(hwo_" + i + "_" + n + ")");
                }
            }
            for (MemorySpec m : b.type().memories()) {
                String e = "ext_" + RtlNames.flat(m.path());
                for (String s : new String[] {"_req", "_is_wr", "_addr", "_wr_data", "_wr_biten", "_ack", "_rd_data"}) {
                    conns.add("." + e + s + "(ext_" + i + "_" + RtlNames.flat(m.path()) + s + ")");
                }
            }
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
        if (bus.equals("apb4")) {
            sv.append("""
                        input  logic        s_apb_psel,
                        input  logic        s_apb_penable,
                        input  logic        s_apb_pwrite,
                        input  logic [2:0]  s_apb_pprot,
                        input  logic [31:0] s_apb_paddr,
                        input  logic [31:0] s_apb_pwdata,
                        input  logic [3:0]  s_apb_pstrb,
                        output logic        s_apb_pready,
                        output logic [31:0] s_apb_prdata,
                        output logic        s_apb_pslverr,
                        // Sideband for the harness: the error of the transfer now ending is a decode error.
                        output logic        halcyon_decerr
                    );
                        logic cpuif_req, cpuif_req_is_wr, cpuif_ack, cpuif_err;
                        logic [31:0] cpuif_addr, cpuif_wr_data, cpuif_wr_biten, cpuif_rd_data;
                        halcyon_apb4_slave u_slave (.*);
                        // Every error the generated chip gives is a decode error (no register refuses an access).
                        assign halcyon_decerr = s_apb_pslverr;
                    """);
        } else {
            sv.append("""
                        input  logic        s_axil_awvalid,
                        output logic        s_axil_awready,
                        input  logic [31:0] s_axil_awaddr,
                        input  logic [2:0]  s_axil_awprot,
                        input  logic        s_axil_wvalid,
                        output logic        s_axil_wready,
                        input  logic [31:0] s_axil_wdata,
                        input  logic [3:0]  s_axil_wstrb,
                        output logic        s_axil_bvalid,
                        input  logic        s_axil_bready,
                        output logic [1:0]  s_axil_bresp,
                        input  logic        s_axil_arvalid,
                        output logic        s_axil_arready,
                        input  logic [31:0] s_axil_araddr,
                        input  logic [2:0]  s_axil_arprot,
                        output logic        s_axil_rvalid,
                        input  logic        s_axil_rready,
                        output logic [31:0] s_axil_rdata,
                        output logic [1:0]  s_axil_rresp
                    );
                        logic cpuif_req, cpuif_req_is_wr, cpuif_ack, cpuif_err;
                        logic [31:0] cpuif_addr, cpuif_wr_data, cpuif_wr_biten, cpuif_rd_data;
                        halcyon_axi4lite_slave u_slave (.*);
                    """);
        }
        sv.append("    ").append(chip.name()).append("_core u_core (.*);\n");
        sv.append("endmodule\n");
        return sv.toString();
    }
}
