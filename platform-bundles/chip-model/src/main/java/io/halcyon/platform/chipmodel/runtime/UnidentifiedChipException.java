package io.halcyon.platform.chipmodel.runtime;

/**
 * A chip's identity fields match no chip map the platform knows (or more than one); the message is
 * one line naming the identity read and the maps known, and the platform publishes nothing for it.
 */
public final class UnidentifiedChipException extends Exception {

    private static final long serialVersionUID = 1L;

    UnidentifiedChipException(String message) {
        super(message);
    }
}
