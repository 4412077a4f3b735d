package io.halcyon.launcher.shell;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.halcyon.hal.api.chip.ChipProperties;

/**
 * One service of a kind per chip, as a command component's bind and unbind methods see them come and go
 * (each service's {@code halcyon.chip} says its chip). Waiting for chips is on a condition, never a sleep.
 */
final class PerChip<T> {

    private record Bound<T>(T service, Map<String, Object> properties) {
    }

    private final TreeMap<Integer, Bound<T>> byChip = new TreeMap<>();

    synchronized void add(T service, Map<String, Object> properties) {
        Integer chip = chip(properties);
        if (chip != null) {
            byChip.put(chip, new Bound<>(service, Map.copyOf(properties)));
            notifyAll();
        }
    }

    synchronized void remove(T service, Map<String, Object> properties) {
        Integer chip = chip(properties);
        Bound<T> bound = chip == null ? null : byChip.get(chip);
        if (bound != null && bound.service() == service) {
            byChip.remove(chip);
        }
    }

    synchronized Optional<T> on(int chip) {
        return Optional.ofNullable(byChip.get(chip)).map(Bound::service);
    }

    synchronized Map<String, Object> properties(int chip) {
        Bound<T> bound = byChip.get(chip);
        return bound == null ? Map.of() : bound.properties();
    }

    /** The chips that have the service, ascending. */
    synchronized List<Integer> chips() {
        return List.copyOf(byChip.keySet());
    }

    /** Waits at most {@code millis} for every chip of {@code chips} to have the service; whether they all do. */
    synchronized boolean await(Collection<Integer> chips, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!byChip.keySet().containsAll(chips)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * The service of chip {@code chip} among {@code services} (a DS reference field of cardinality multiple
     * whose elements are properties and service), the highest ranked if several.
     */
    static <T> Optional<T> pick(List<Map.Entry<Map<String, Object>, T>> services, int chip) {
        Map.Entry<Map<String, Object>, T> best = null;
        for (Map.Entry<Map<String, Object>, T> e : services == null ? List.<Map.Entry<Map<String, Object>, T>>of() : services) {
            if (Integer.valueOf(chip).equals(chip(e.getKey())) && (best == null || ranking(e) > ranking(best))) {
                best = e;
            }
        }
        return Optional.ofNullable(best).map(Map.Entry::getValue);
    }

    /** The chips {@code services} serve, ascending. */
    static <T> List<Integer> chipsOf(List<Map.Entry<Map<String, Object>, T>> services) {
        return (services == null ? List.<Map.Entry<Map<String, Object>, T>>of() : services).stream()
                .map(e -> chip(e.getKey())).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    /**
     * Chip {@code chip}'s service among {@code services}, or a one-line error: naming the chips there are when
     * {@code chip} is not one of {@code chips} (what the platforms published), else naming what is missing.
     */
    static <T> T require(List<Map.Entry<Map<String, Object>, T>> services, int chip, List<Integer> chips, String what) {
        requireChip(chip, chips);
        return pick(services, chip).orElseThrow(() -> new IllegalStateException("no " + what + " for chip " + chip
                + " (a block driver or its bundle is not active; see hal:blocks --chip " + chip + ")"));
    }

    /** Refuses, in one line, a chip that does not exist on this host. */
    static void requireChip(int chip, List<Integer> chips) {
        if (!chips.contains(chip)) {
            throw new IllegalArgumentException("chip " + chip + " does not exist on this host (" + (chips.isEmpty() ? "no chips"
                    : "chips " + String.join(", ", chips.stream().map(String::valueOf).toList())) + "; hal:chips lists them)");
        }
    }

    private static int ranking(Map.Entry<Map<String, Object>, ?> e) {
        return e.getKey().get("service.ranking") instanceof Integer r ? r : 0;
    }

    private static Integer chip(Map<String, Object> properties) {
        try {
            return Integer.valueOf(String.valueOf(properties.get(ChipProperties.CHIP)));
        } catch (NumberFormatException notAChip) {
            return null;
        }
    }
}
