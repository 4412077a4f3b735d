package io.halcyon.hal.api.butr;

import org.osgi.annotation.versioning.ConsumerType;

/** Told about a run as it goes, e.g. to print progress. Called on the thread that runs the tests. */
@ConsumerType
public interface ProgressListener {

    /** Listens to nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** The run starts on {@code platform} with {@code checks} checks planned. */
    default void started(String platform, int checks) {
    }

    /** One check ended; {@code done} of {@code planned} have run. */
    default void checked(CheckResult result, int done, int planned) {
    }
}
