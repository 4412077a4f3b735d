package io.halcyon.launcher.update.internal;

import io.halcyon.launcher.update.GateCounts;

/** Why a new version cannot serve; the updater discards it and records the message (and what the gate checked). */
final class UpdateFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient GateCounts checked;

    UpdateFailure(String message) {
        this(message, GateCounts.NONE);
    }

    /** @param checked what the health gate had checked when it failed the version */
    UpdateFailure(String message, GateCounts checked) {
        super(message);
        this.checked = checked;
    }

    GateCounts checked() {
        return checked;
    }

    /** What the gate checked before {@code failure}, if it was the gate's. */
    static GateCounts checkedBefore(Exception failure) {
        return failure instanceof UpdateFailure f ? f.checked() : GateCounts.NONE;
    }

    /**
     * Why an update ended, in one line for its record; an interrupt stays visible to whoever called
     * the manager (the shell, FileInstall's thread), which then learns it was asked to stop.
     */
    static String reasonOf(Exception failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return oneLine(failure);
    }

    /** The first line of {@code t}'s message (its class name when it has none), for a record or a log line. */
    static String oneLine(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
