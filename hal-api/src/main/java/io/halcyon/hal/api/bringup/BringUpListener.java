package io.halcyon.hal.api.bringup;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about a bring-up as it happens (the whiteboard pattern): the {@link BringUp} service of chip N
 * tells every {@code BringUpListener} service registered with {@code halcyon.chip=N} about each of its
 * runs, whoever called {@link BringUp#bringUp()} (the shell's {@code hal:bringup}, the main job, the web
 * console), on the caller's thread, each step as soon as it ends, before the next one starts. A listener
 * that throws is left out of the rest of that run; it never fails the bring-up. Listeners should return
 * quickly: the bring-up waits for them.
 *
 * @since 1.1
 */
@ConsumerType
public interface BringUpListener {

    /**
     * A bring-up starts.
     *
     * @param steps the names of the steps it will go through, in order
     */
    default void started(List<String> steps) {
    }

    /** A step ended (done, or found already done). */
    void step(BringUpStep step);

    /** The bring-up ended with every step done; {@code report} holds the steps already told. */
    default void finished(BringUpReport report) {
    }

    /** The bring-up stopped at a step; the steps before it were told. */
    default void failed(BringUpException failure) {
    }
}
