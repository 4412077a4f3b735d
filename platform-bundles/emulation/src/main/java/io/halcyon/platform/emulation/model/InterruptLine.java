package io.halcyon.platform.emulation.model;

/** One block's interrupt line into the interrupt controller. */
@FunctionalInterface
public interface InterruptLine {

    /** The block signals its interrupt: the controller latches it as pending. */
    void raise();
}
