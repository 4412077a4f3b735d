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
        if (add(problem)) {
            log.accept(problem);
            changed.run();
        }
    }

    /** Lists a problem that someone else already prints (the host's hot-deploy watch), without a second line. */
    void record(String problem) {
        if (add(problem)) {
            changed.run();
        }
    }

    private boolean add(String problem) {
        synchronized (reported) {
            return reported.add(problem);
        }
    }

    List<String> all() {
        synchronized (reported) {
            return List.copyOf(reported);
        }
    }
}
