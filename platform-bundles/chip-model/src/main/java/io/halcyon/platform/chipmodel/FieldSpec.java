package io.halcyon.platform.chipmodel;

import java.util.Objects;

/**
 * One field and its access semantics, with SystemRDL's property values as keywords.
 *
 * @param name instance name ({@code INDEX})
 * @param lsb lowest bit, counted from bit 0 of the register
 * @param width bits
 * @param reset value after reset on this chip; null when the description gives no constant one
 * @param sw software access: {@code rw}, {@code r}, {@code w}, {@code rw1}, {@code w1} or {@code na}
 * @param hw hardware access: {@code rw}, {@code r}, {@code w} or {@code na}
 * @param onRead {@code rclr}, {@code rset}, {@code ruser}; null for none
 * @param onWrite {@code woclr}, {@code woset}, {@code wot}, {@code wzs}, {@code wzc}, {@code wzt},
 *     {@code wclr}, {@code wset}, {@code wuser}; null for a plain write
 * @param singlePulse SystemRDL {@code singlepulse}
 * @param incrSaturate the value an increment stops at; null when it wraps
 * @param decrSaturate the value a decrement stops at; null when it wraps
 * @param counter for a {@code counter} field, how it counts; null otherwise
 * @param encoding the field's {@code encode} enumeration; null when it has none
 */
public record FieldSpec(String name, int lsb, int width, Long reset, String sw, String hw, String onRead, String onWrite,
        boolean singlePulse, Long incrSaturate, Long decrSaturate, Counter counter, Encoding encoding) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sw, "sw");
        if (width < 1 || lsb < 0 || lsb + width > 64) {
            throw new IllegalArgumentException(name + ": bits [" + (lsb + width - 1) + ":" + lsb + "] outside 64 bits");
        }
    }

    /** All ones over the field's width, right-aligned. */
    public long ones() {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /** The field's bits in place within its register. */
    public long mask() {
        return ones() << lsb;
    }

    /** The field's value within a register value. */
    public long extract(long registerValue) {
        return registerValue >>> lsb & ones();
    }

    public boolean softwareReadable() {
        return sw.startsWith("r");
    }

    /**
     * Whether the field reads its reset value for ever: readable, with a reset, and nothing (software,
     * hardware, a counter) can change it. Such a value is all a test without side effects can check.
     */
    public boolean constant() {
        return softwareReadable() && reset != null && !sw.contains("w") && (hw == null || !hw.contains("w")) && counter == null;
    }

    /**
     * How a counter field counts.
     *
     * @param incrValue step of an increment
     * @param decrValue step of a decrement
     * @param incr software access strobe that increments it inside the register file; null when
     *     something else (a hardware event) does
     * @param decr the same for decrements
     */
    public record Counter(long incrValue, long decrValue, Strobe incr, Strobe decr) {
    }

    /**
     * A field's software-access strobe, as a counter's {@code incr}/{@code decr} reference it.
     *
     * @param fieldPath the strobing field, within the same block ({@code CNT_CTRL.GO})
     * @param event {@code swacc} (any software read or write touching it) or {@code swmod}
     */
    public record Strobe(String fieldPath, String event) {
        public Strobe {
            Objects.requireNonNull(fieldPath, "fieldPath");
            Objects.requireNonNull(event, "event");
        }
    }
}
