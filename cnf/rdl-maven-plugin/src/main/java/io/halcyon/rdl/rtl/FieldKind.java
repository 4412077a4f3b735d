package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;

/**
 * What one field is in hardware, decided once from its SystemRDL properties, and the SystemVerilog of
 * its storage and next-value logic. This is the table of field kinds: software access (with the
 * onwrite and onread actions as expressions), hardware writes (a load strobe, as SystemRDL's {@code we}
 * gives one), hardware-event counters (an increment strobe with an amount, wrapping or saturating),
 * singlepulse, and constants (read-only on both sides: no flop at all).
 *
 * <p>Precedence is SystemRDL's default, software: in a cycle where both sides act, the software
 * action is applied last and wins.
 */
record FieldKind(RegisterSpec register, FieldSpec field, boolean swReadable, boolean swWritable, boolean hwWritable,
        boolean counter) {

    static FieldKind of(String blockType, RegisterSpec register, FieldSpec f) {
        String where = blockType + "." + register.path() + "." + f.name();
        switch (f.sw()) {
            case "rw", "r", "w", "na" -> {
            }
            default -> throw new UnsupportedRtlException(where + ": sw = " + f.sw() + " (write-once) is not supported by the RTL generator");
        }
        if (f.onWrite() != null && f.onWrite().equals("wuser") || f.onRead() != null && f.onRead().equals("ruser")) {
            throw new UnsupportedRtlException(where + ": user-defined read or write actions have no hardware meaning for the RTL generator");
        }
        if (f.counter() != null && (f.counter().incr() != null || f.counter().decr() != null)) {
            throw new UnsupportedRtlException(where + ": a counter stepped by a software access strobe is not supported by the RTL generator"
                    + " (hardware-event counters are)");
        }
        boolean hwWritable = f.hw() != null && (f.hw().equals("w") || f.hw().equals("rw"));
        return new FieldKind(register, f, f.sw().startsWith("r"), f.sw().contains("w"), hwWritable, f.counter() != null);
    }

    String name() {
        return RtlNames.field(register, field);
    }

    int width() {
        return field.width();
    }

    int msb() {
        return field.lsb() + field.width() - 1;
    }

    /** A constant: nothing writes it, reading does nothing to it. */
    boolean constant() {
        return !swWritable && !hwWritable && !counter && field.onRead() == null;
    }

    String resetParameter() {
        return "RESET_" + name();
    }

    long reset() {
        return field.reset() == null ? 0 : field.reset();
    }

    /** The field's hardware-side ports: its value out, and (hardware-writable) a load, (counters) an increment in. */
    void addPorts(java.util.List<HardwarePort> ports) {
        ports.add(new HardwarePort(false, width(), "hwo_" + name()));
        if (hwWritable) {
            ports.add(new HardwarePort(true, width(), "hwi_" + name() + "_next"));
            ports.add(new HardwarePort(true, 1, "hwi_" + name() + "_we"));
        }
        if (counter) {
            ports.add(new HardwarePort(true, 1, "hwi_" + name() + "_incr"));
            ports.add(new HardwarePort(true, width(), "hwi_" + name() + "_incrvalue"));
        }
    }

    /** Storage and next-value logic; {@code reg} is the register's signal prefix. */
    void writeLogic(StringBuilder sv, String reg) {
        String n = name();
        String bits = "[" + msb() + ":" + field.lsb() + "]";
        sv.append("    // ").append(register.path()).append('.').append(field.name()).append(": sw=").append(field.sw())
                .append(" hw=").append(field.hw()).append(field.onWrite() != null ? " onwrite=" + field.onWrite() : "")
                .append(field.onRead() != null ? " onread=" + field.onRead() : "").append(field.singlePulse() ? " singlepulse" : "")
                .append(counter ? " counter" : "").append('\n');
        String w = RtlNames.range(width());
        if (constant()) {
            sv.append("    logic ").append(w).append(n).append("_q;\n");
            sv.append("    assign ").append(n).append("_q = ").append(resetParameter()).append(";\n");
            return;
        }
        sv.append("    logic ").append(w).append(n).append("_q, ").append(n).append("_next;\n");
        sv.append("    logic ").append(n).append("_load;\n");
        if (counter) {
            sv.append("    logic [").append(width()).append(":0] ").append(n).append("_sum;\n");
        }
        sv.append("    always_comb begin\n");
        if (counter) {
            sv.append("        ").append(n).append("_sum = '0;\n");
        }
        sv.append("        ").append(n).append("_next = ").append(n).append("_q;\n");
        sv.append("        ").append(n).append("_load = 1'b0;\n");
        if (hwWritable) {
            sv.append("        if (hwi_").append(n).append("_we) begin ").append(n).append("_next = hwi_").append(n)
                    .append("_next; ").append(n).append("_load = 1'b1; end\n");
        }
        if (counter) {
            writeIncrement(sv, n);
        }
        String written = reg + "_wr && |" + reg + "_biten" + bits;
        if (swWritable) {
            sv.append("        if (").append(written).append(") begin ").append(n).append("_next = ")
                    .append(writeExpression(n + "_next", reg + "_wdata" + bits, reg + "_biten" + bits)).append("; ")
                    .append(n).append("_load = 1'b1; end\n");
        }
        if (field.singlePulse()) {
            // One cycle high after software wrote it, then back to 0.
            sv.append("        if (!(").append(swWritable ? written : "1'b0").append(")) begin ").append(n).append("_next = '0; ")
                    .append(n).append("_load = 1'b1; end\n");
        }
        if (field.onRead() != null && swReadable) {
            sv.append("        if (").append(reg).append("_rd) begin ").append(n).append("_next = ")
                    .append(field.onRead().equals("rclr") ? "'0" : "'1").append("; ").append(n).append("_load = 1'b1; end\n");
        }
        sv.append("    end\n");
        sv.append("    always_ff @(posedge clk) begin\n");
        sv.append("        if (rst) ").append(n).append("_q <= ").append(resetParameter()).append(";\n");
        sv.append("        else if (").append(n).append("_load) ").append(n).append("_q <= ").append(n).append("_next;\n");
        sv.append("    end\n");
    }

    /** A hardware event adds {@code incrvalue}; the sum wraps, or stops at the saturation value. */
    private void writeIncrement(StringBuilder sv, String n) {
        int w = width();
        sv.append("        if (hwi_").append(n).append("_incr) begin\n");
        sv.append("            ").append(n).append("_sum = {1'b0, ").append(n).append("_next} + {1'b0, hwi_").append(n).append("_incrvalue};\n");
        Long saturate = field.incrSaturate();
        if (saturate != null) {
            String limit = RtlNames.literal(w + 1, saturate);
            sv.append("            ").append(n).append("_next = ").append(n).append("_sum > ").append(limit).append(" ? ")
                    .append(RtlNames.literal(w, saturate)).append(" : ").append(n).append("_sum[").append(w - 1).append(":0];\n");
        } else {
            sv.append("            ").append(n).append("_next = ").append(n).append("_sum[").append(w - 1).append(":0];\n");
        }
        sv.append("            ").append(n).append("_load = 1'b1;\n");
        sv.append("        end\n");
    }

    /** The field's value after a software write of data {@code d} with bit enables {@code b}. */
    private String writeExpression(String v, String d, String b) {
        String action = field.onWrite() == null ? "" : field.onWrite();
        return switch (action) {
            case "" -> "(" + v + " & ~" + b + ") | (" + d + " & " + b + ")";
            case "woclr" -> v + " & ~(" + d + " & " + b + ")";
            case "woset" -> v + " | (" + d + " & " + b + ")";
            case "wot" -> v + " ^ (" + d + " & " + b + ")";
            case "wzc" -> v + " & (" + d + " | ~" + b + ")";
            case "wzs" -> v + " | (~" + d + " & " + b + ")";
            case "wzt" -> v + " ^ (~" + d + " & " + b + ")";
            case "wclr" -> "'0";
            case "wset" -> "'1";
            default -> throw new UnsupportedRtlException(register.path() + "." + field.name() + ": onwrite = " + action
                    + " is not supported by the RTL generator");
        };
    }
}
