package io.halcyon.launcher.shell;

import java.util.Locale;

/** Times as people read them: the unit chosen so the number has one to three integer digits. */
final class Units {

    private Units() {}

    static String nanos(long ns) {
        if (ns < 1_000) {
            return ns + " ns";
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
    }

    static String millis(double ms) {
        return ms < 1 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : ms < 10_000 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : String.format(Locale.ROOT, "%.2f s", ms / 1e3);
    }

    /** A loss or other small positive quantity, with enough digits to compare two runs by eye. */
    static String value(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
