package io.halcyon.launcher.update.internal;

/** Why a new version cannot serve; the updater rolls back and records the message. */
final class UpdateFailure extends Exception {

    private static final long serialVersionUID = 1L;

    UpdateFailure(String message) {
        super(message);
    }
}
