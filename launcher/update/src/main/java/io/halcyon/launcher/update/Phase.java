package io.halcyon.launcher.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One phase of an update and how long it took: for a block swap install, start, drivers, gate, drain,
 * switch, retire; for an API update stop, update, refresh, start, drivers.
 *
 * @param name the phase
 * @param nanos how long it took
 */
@ProviderType
public record Phase(String name, long nanos) {

    public double millis() {
        return nanos / 1e6;
    }

    /** {@code phases ms: install 3.1, start 2.0, ...}, or empty for no phases. */
    public static String line(List<Phase> phases) {
        List<String> parts = new ArrayList<>();
        phases.forEach(p -> parts.add(String.format(Locale.ROOT, "%s %.1f", p.name(), p.millis())));
        return parts.isEmpty() ? "" : "phases ms: " + String.join(", ", parts);
    }
}
