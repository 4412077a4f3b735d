package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What one field is in hardware, decided once from its SystemRDL properties, and the SystemVerilog of
 * its storage and of what it does at a clock edge (the statements {@link RegisterBlockWriter} puts in the
 * block's one clocked process: reset, hardware events, software write and read). This is the table of field kinds: software access (with the
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
    void addPorts(List<HardwarePort> ports) {
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

    /** The field's comment line and its storage: a flop, or for a constant the reset parameter itself. */
    void declare(StringBuilder sv) {
        String n = name();
        sv.append("    // ").append(register.path()).append('.').append(field.name()).append(": sw=").append(field.sw())
                .append(" hw=").append(field.hw()).append(field.onWrite() != null ? " onwrite=" + field.onWrite() : "")
                .append(field.onRead() != null ? " onread=" + field.onRead() : "").append(field.singlePulse() ? " singlepulse" : "")
                .append(counter ? " counter" : "").append('\n');
        sv.append("    logic ").append(RtlNames.range(width())).append(n).append("_q;\n");
        if (constant()) {
            sv.append("    assign ").append(n).append("_q = ").append(resetParameter()).append(";\n");
        }
    }

    /** The flop's reset, or null for a constant (no flop). */
    String resetStatement() {
        return constant() ? null : name() + "_q <= " + resetParameter() + ";";
    }

    /**
     * What the field does at a clock edge without a software access, or null when it holds its value: a singlepulse
     * field falls back to 0, a hardware-written field or counter takes {@link #hardwareValue()} in a cycle with a load
     * or an increment. A software access in the same cycle comes after it in the clocked block and wins.
     */
    String idleStatement() {
        if (field.singlePulse()) {
            return name() + "_q <= '0;";
        }
        if (!hwWritable && !counter) {
            return null;
        }
        String n = name();
        if (!counter) {
            return "if (hwi_" + n + "_we) " + n + "_q <= hwi_" + n + "_next;";
        }
        return "if (" + (hwWritable ? "hwi_" + n + "_we || " : "") + "hwi_" + n + "_incr) " + n + "_q <= " + hardwareValue() + ";";
    }

    /**
     * The field's value after this cycle's hardware events (a load, then an increment that wraps or saturates at
     * {@code incrsaturate}), before software acts: what a software write in the same cycle applies to.
     */
    String hardwareValue() {
        String n = name();
        String v = hwWritable ? "(hwi_" + n + "_we ? hwi_" + n + "_next : " + n + "_q)" : n + "_q";
        if (!counter) {
            return v;
        }
        int w = width();
        String sum = "({1'b0, " + v + "} + {1'b0, hwi_" + n + "_incrvalue})";
        Long saturate = field.incrSaturate();
        String stepped = saturate == null ? w + "'(" + sum + ")"
                : "(" + sum + " > " + RtlNames.literal(w + 1, saturate) + " ? " + RtlNames.literal(w, saturate) + " : " + w + "'(" + sum + "))";
        return "(hwi_" + n + "_incr ? " + stepped + " : " + v + ")";
    }

    /**
     * The software write of bus word {@code word} (0, or 1 for the high word of a 64-bit register) to this field, or
     * null when the field has no bits there or software cannot write it: applied when any of its bits there is enabled.
     */
    String writeStatement(int word) {
        int lo = Math.max(field.lsb(), 32 * word), hi = Math.min(msb(), 32 * word + 31);
        if (!swWritable || lo > hi) {
            return null;
        }
        String n = name();
        return "if (|wr_biten[" + (hi - 32 * word) + ":" + (lo - 32 * word) + "]) " + n + "_q <= "
                + writeExpression(hardwareValue(), busBits("wr_data", lo, hi, word), busBits("wr_biten", lo, hi, word)) + ";";
    }

    /** The read side effect (rclr, rset) of a software read of the register, or null. */
    String readStatement() {
        if (field.onRead() == null || !swReadable) {
            return null;
        }
        return name() + "_q <= " + (field.onRead().equals("rclr") ? "'0" : "'1") + ";";
    }

    /** The field's bits {@code lo..hi} of {@code bus} (a 32-bit word of the register), zero-extended to the field's width. */
    private String busBits(String bus, int lo, int hi, int word) {
        String bits = bus + "[" + (hi - 32 * word) + ":" + (lo - 32 * word) + "]";
        List<String> parts = new ArrayList<>();
        if (msb() > hi) {
            parts.add((msb() - hi) + "'h0");
        }
        parts.add(bits);
        if (lo > field.lsb()) {
            parts.add((lo - field.lsb()) + "'h0");
        }
        return parts.size() == 1 ? bits : "{" + String.join(", ", parts) + "}";
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
