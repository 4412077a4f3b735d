package io.halcyon.launcher.rtlbutr;

import java.util.List;

/**
 * The two slave ports the harness drives, as roles: each signal by its AMBA name, its direction seen from
 * the slave, its width (0: the address, any width up to 32) and whether a slave may leave it out (then the
 * wrapper ties the input off, or gives the harness the output's neutral value). The harness's side of
 * each role is {@code <prefix><name>}, the names {@code bus_master.h} drives.
 */
enum Bus {

    APB4("apb4", "apb4", "s_apb_", List.of("s_apb_", "apb_", "s_", ""), List.of(
            Signal.in("psel", 1, true, null), Signal.in("penable", 1, true, null), Signal.in("pwrite", 1, true, null),
            Signal.in("paddr", 0, true, null), Signal.in("pwdata", 32, true, null), Signal.in("pstrb", 4, false, null),
            Signal.in("pprot", 3, false, null), Signal.out("pready", 1, true, null), Signal.out("prdata", 32, true, null),
            Signal.out("pslverr", 1, false, "1'b0"))),
    AXI4_LITE("axi4-lite", "axi4lite", "s_axil_", List.of("s_axil_", "s_axi_", "axil_", "axi_", "s_", ""), List.of(
            Signal.in("awvalid", 1, true, null), Signal.out("awready", 1, true, null), Signal.in("awaddr", 0, true, null),
            Signal.in("awprot", 3, false, null), Signal.in("wvalid", 1, true, null), Signal.out("wready", 1, true, null),
            Signal.in("wdata", 32, true, null), Signal.in("wstrb", 4, false, null), Signal.out("bvalid", 1, true, null),
            Signal.in("bready", 1, true, null), Signal.out("bresp", 2, false, "2'b00"), Signal.in("arvalid", 1, true, null),
            Signal.out("arready", 1, true, null), Signal.in("araddr", 0, true, null), Signal.in("arprot", 3, false, null),
            Signal.out("rvalid", 1, true, null), Signal.in("rready", 1, true, null), Signal.out("rdata", 32, true, null),
            Signal.out("rresp", 2, false, "2'b00")));

    /** One signal of the slave port. {@code absent} is what an optional output reads as when the slave has none. */
    record Signal(String name, boolean input, int width, boolean required, String absent) {
        static Signal in(String name, int width, boolean required, String absent) {
            return new Signal(name, true, width, required, absent);
        }

        static Signal out(String name, int width, boolean required, String absent) {
            return new Signal(name, false, width, required, absent);
        }

        boolean address() {
            return width == 0;
        }
    }

    final String label;
    /** The harness's top module is {@code <chip>_<suffix>} (the generated chips' wrappers are named so too). */
    final String suffix;
    /** What the harness's side of the port is called: {@code s_apb_psel}. */
    final String harnessPrefix;
    /** The prefixes a slave's ports may have, tried in this order. */
    final List<String> prefixes;
    final List<Signal> signals;

    Bus(String label, String suffix, String harnessPrefix, List<String> prefixes, List<Signal> signals) {
        this.label = label;
        this.suffix = suffix;
        this.harnessPrefix = harnessPrefix;
        this.prefixes = prefixes;
        this.signals = signals;
    }

    static Bus named(String name) {
        for (Bus b : values()) {
            if (b.label.equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new Options.UsageException("--bus is apb4 or axi4-lite, not '" + name + "'");
    }
}
