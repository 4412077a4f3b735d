package io.halcyon.launcher.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bringup.BringUpException;
import io.halcyon.hal.api.bringup.BringUpReport;

/**
 * Bring-up of every chip of the host at once, a thread per chip (each chip's bring-up waits in its own
 * device time, so the chips do not wait for each other). A chip that fails is an outcome like the others.
 */
final class ChipBringUps {

    /**
     * What one chip's bring-up gave.
     *
     * @param report the timeline, or null when it failed
     * @param failure why it failed, or null
     */
    record Outcome(int chip, MainJobCommands.Chip info, BringUpReport report, RuntimeException failure) {
        boolean serves() {
            return report != null;
        }

        String error() {
            return failure == null ? null : failure.getMessage();
        }

        /** The step it stopped at, when bring-up itself failed (not the lack of a service). */
        String failedStep() {
            return failure instanceof BringUpException b ? b.step() : null;
        }
    }

    private ChipBringUps() {
    }

    /**
     * Brings up every chip a platform published, waiting at most {@code waitMillis} for their bring-up
     * services to appear (their drivers are made after the platform publishes them).
     */
    static List<Outcome> all(PerChip<?> platforms, PerChip<BringUp> bringUps, long waitMillis) throws InterruptedException {
        List<Integer> chips = platforms.chips();
        bringUps.await(chips, waitMillis);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, chips.size()), r -> {
            Thread t = new Thread(r, "halcyon-bringup");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BringUpReport>> running = new ArrayList<>();
            for (int chip : chips) {
                BringUp b = bringUps.on(chip).orElse(null);
                running.add(b == null ? null : workers.submit(b::bringUp));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < chips.size(); i++) {
                int chip = chips.get(i);
                MainJobCommands.Chip info = MainJobCommands.Chip.of(platforms.properties(chip));
                Future<BringUpReport> f = running.get(i);
                if (f == null) {
                    outcomes.add(new Outcome(chip, info, null, new IllegalStateException("chip " + chip
                            + " has no bring-up service (a block driver is not active; see hal:blocks --chip " + chip + ")")));
                    continue;
                }
                try {
                    outcomes.add(new Outcome(chip, info, f.get(), null)); // bounded: every step waits in device time
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    outcomes.add(new Outcome(chip, info, null, cause));
                }
            }
            return outcomes;
        } finally {
            workers.shutdownNow();
        }
    }
}
