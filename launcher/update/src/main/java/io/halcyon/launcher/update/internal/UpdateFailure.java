package io.halcyon.launcher.update.internal;

/** Why a new version cannot serve; the updater discards it and records the message. */
final class UpdateFailure extends Exception {

    private static final long serialVersionUID = 1L;

    UpdateFailure(String message) {
        super(message);
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
