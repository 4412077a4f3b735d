package io.halcyon.platform.verification;

import java.io.IOException;

/** Verilator or the C++ compiler refused the sources; the message holds their error lines with file:line. */
public final class SimulatorBuildException extends IOException {

    private static final long serialVersionUID = 1L;

    public SimulatorBuildException(String message) {
        super(message);
    }
}
