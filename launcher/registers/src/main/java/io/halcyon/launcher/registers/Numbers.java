package io.halcyon.launcher.registers;

/** Parsing and printing of register values as engineers type them: 0x1F, 0b101, 31, 1_000. */
public final class Numbers {
    private Numbers() {}

    /** Parses an unsigned value; {@code what} names the thing in the error, e.g. "sysctrl.SCRATCH". */
    public static long parse(String text, String what) {
        String t = text.replace("_", "").trim().toLowerCase();
        try {
            if (t.startsWith("0x")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.startsWith("0b")) {
                return Long.parseUnsignedLong(t.substring(2), 2);
            }
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "not a number for " + what + ": '" + text + "' (use decimal, 0x hex or 0b binary)");
        }
    }

    /** Fails unless {@code value} fits in {@code bits}; names the place and the allowed range. */
    public static void checkFits(long value, int bits, String what) {
        if (bits < 64 && Long.compareUnsigned(value, (1L << bits) - 1) > 0) {
            throw new IllegalArgumentException(String.format(
                    "value 0x%x too wide for %s: %d bits, allowed 0x0..0x%x", value, what, bits, (1L << bits) - 1));
        }
    }

    public static String hex(long value, int bits) {
        return String.format("0x%0" + Math.max(1, (bits + 3) / 4) + "x", value);
    }
}
