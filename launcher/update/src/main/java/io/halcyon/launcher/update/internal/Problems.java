package io.halcyon.launcher.update.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Problems the manager found in what was deployed (a pin nothing satisfies, an import no bundle
 * exports), each told once however often it is found again (FileInstall polls, services come and go):
 * printed, and listed on the manager's service ({@code halcyon.update.problems}) for whoever watches.
 */
final class Problems {

    /** Service property of the update manager: every problem reported so far, oldest first. */
    static final String PROPERTY = "halcyon.update.problems";

    private final Set<String> reported = new LinkedHashSet<>();
    private final Consumer<String> log;
    private final Runnable changed;

    /** @param changed called after a new problem was added (the activator republishes the manager's properties) */
    Problems(Consumer<String> log, Runnable changed) {
        this.log = log;
        this.changed = changed;
    }

    void report(String problem) {
        synchronized (reported) {
            if (!reported.add(problem)) {
                return;
            }
        }
        log.accept(problem);
        changed.run();
    }

    List<String> all() {
        synchronized (reported) {
            return List.copyOf(reported);
        }
    }
}
