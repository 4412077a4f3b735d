package io.halcyon.consumers.bringup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.halcyon.hal.api.bringup.BringUpException;
import io.halcyon.hal.api.bringup.BringUpListener;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;

/**
 * The listeners of one bring-up: those registered when it started. A listener that throws is left out
 * of the rest of the run and never fails it (a watcher's bug must not stop a chip coming up).
 */
final class Watchers {

    static final Watchers NONE = new Watchers(List.of());

    private final List<BringUpListener> watching;

    Watchers(List<BringUpListener> listeners) {
        this.watching = new CopyOnWriteArrayList<>(listeners);
    }

    void started(List<String> steps) {
        tell(l -> l.started(steps));
    }

    void step(BringUpStep step) {
        tell(l -> l.step(step));
    }

    void finished(BringUpReport report) {
        tell(l -> l.finished(report));
    }

    void failed(BringUpException failure) {
        tell(l -> l.failed(failure));
    }

    private void tell(Consumer<BringUpListener> call) {
        for (BringUpListener l : watching) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                watching.remove(l);
            }
        }
    }
}
