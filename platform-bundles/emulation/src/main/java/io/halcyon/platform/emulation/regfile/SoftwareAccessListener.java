package io.halcyon.platform.emulation.regfile;

/**
 * Told about a software access to one register, after the access's semantics were applied (a write's
 * onwrite effects are in the fields, a read's rclr has cleared). Behaviour models use it for doorbells
 * and the like; it runs inside the access, on the chip's thread, and must not block.
 */
@FunctionalInterface
public interface SoftwareAccessListener {

    /**
     * @param data the bits software wrote, or the value it read, in register bit positions
     * @param mask the register bits the access covered (a 32-bit access may cover part of a 64-bit
     *             register, or a narrow access part of a wider one)
     */
    void accessed(long data, long mask);
}
