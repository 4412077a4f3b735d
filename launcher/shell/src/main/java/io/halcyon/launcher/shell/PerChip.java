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

    private static Integer chip(Map<String, Object> properties) {
        try {
            return Integer.valueOf(String.valueOf(properties.get(ChipProperties.CHIP)));
        } catch (NumberFormatException notAChip) {
            return null;
        }
    }
}
