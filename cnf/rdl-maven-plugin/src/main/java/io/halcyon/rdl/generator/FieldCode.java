package io.halcyon.rdl.generator;

/**
 * The Java expressions that get and set one field within a register value held in {@code bits}
 * (an int for 32-bit registers, a long for 64-bit ones). Plain shifts and masks with literal
 * constants, so the JIT sees exactly what hand-written code would give it.
 */
final class FieldCode {

    private final FieldModel f;
    private final int regWidth;

    FieldCode(FieldModel f, int regWidth) {
        this.f = f;
        this.regWidth = regWidth;
    }

    /** Java type of the field's raw value: boolean for one bit, int up to 32 bits, long above. */
    String rawType() {
        if (f.width() == 1 && f.encode() == null) {
            return "boolean";
        }
        return f.width() <= 32 ? "int" : "long";
    }

    /** Expression of the field's raw value. */
    String get() {
        String mask = SourceWriter.bits(f.mask(), regWidth);
        if (rawType().equals("boolean")) {
            return "(bits & " + mask + ") != 0";
        }
        String shifted = f.lsb() == 0 ? "bits" : "(bits >>> " + f.lsb() + ")";
        boolean topBits = f.msb() == regWidth - 1;
        String value = topBits ? shifted : shifted + " & " + SourceWriter.bits(f.ones(), regWidth);
        if (regWidth == 64 && rawType().equals("int")) {
            return "(int) (" + value + ")";
        }
        return value;
    }

    /** Expression of the new register bits with the field set to {@code value} (already range-checked). */
    String set(String value) {
        String mask = SourceWriter.bits(f.mask(), regWidth);
        String cleared = "(bits & ~" + mask + ")";
        if (rawType().equals("boolean")) {
            return value + " ? bits | " + mask + " : bits & ~" + mask;
        }
        String widened = value;
        if (regWidth == 64 && rawType().equals("int")) {
            // Zero-extend: a 32-bit field's top bit must not smear into the bits above it.
            widened = "(" + value + " & 0xffffffffL)";
        }
        String placed = f.lsb() == 0 ? widened : "(" + widened + " << " + f.lsb() + ")";
        return cleared + " | " + placed;
    }

    /** A condition that is true when {@code value} has bits above the field's width, or null if it cannot. */
    String tooWide(String value) {
        if (rawType().equals("boolean") || f.width() == 32 && rawType().equals("int") || f.width() == 64) {
            return null;
        }
        return rawType().equals("int") ? "(" + value + " & " + "0x" + Integer.toHexString((int) ~f.ones()) + ") != 0"
                : "(" + value + " & " + SourceWriter.longLiteral(~f.ones()) + ") != 0L";
    }

    /** The rejected value as the long the exception reports. */
    String asReportedLong(String value) {
        return rawType().equals("int") ? "Integer.toUnsignedLong(" + value + ")" : value;
    }
}
