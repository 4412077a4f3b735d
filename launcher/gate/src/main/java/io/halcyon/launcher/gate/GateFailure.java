package io.halcyon.launcher.gate;

/** Why a staged version may not serve, in one line naming the block and the check. */
final class GateFailure extends Exception {

    private static final long serialVersionUID = 1L;

    GateFailure(String message) {
        super(message);
    }
}
