package io.halcyon.hal.api.edu;

import java.time.Duration;

import io.halcyon.hal.api.hostmem.HostBuffer;

/**
 * One edu device. Stateless: every call reads what it needs from the device. Bounds are device time
 * (wall-clock time on a real device, model time on the emulation).
 */
@org.osgi.annotation.versioning.ProviderType
public interface EduDevice {

    /** Bytes of the device's DMA buffer. */
    int BUFFER_BYTES = 4096;

    /** Major and minor version from the identification register. */
    record Version(int major, int minor) {
    }

    Version version();

    /** Writes {@code probe} to the liveness register and reads it back: true when the device inverted it. */
    boolean alive(int probe);

    /**
     * Computes {@code n!} on the device (32-bit result, wrapping as the device's does).
     *
     * @param interrupt ask the device to raise interrupt {@link #FACTORIAL_DONE} when done and wait for that
     *     (then acknowledge it), rather than wait for the status register's busy bit to fall
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException when the device is still computing after {@code bound}
     */
    int factorial(int n, boolean interrupt, Duration bound);

    /** Interrupt status bit the factorial unit raises. */
    int FACTORIAL_DONE = 0x1;
    /** Interrupt status bit the DMA engine raises. */
    int DMA_DONE = 0x100;

    /** Raises the interrupt bits {@code bits} (they are ORed into the status). */
    void raiseInterrupt(int bits);

    /** The interrupt status: every bit raised and not yet acknowledged. */
    int pendingInterrupts();

    /** Clears {@code bits} from the interrupt status, which lowers the interrupt when none is left. */
    void acknowledgeInterrupts(int bits);

    /**
     * Waits until one of {@code mask}'s interrupt bits is pending, for at most {@code bound}.
     *
     * @return the pending bits of {@code mask}
     * @throws io.halcyon.hal.api.bus.WaitTimeoutException when none rose in time
     */
    int awaitInterrupt(int mask, Duration bound);

    /**
     * Copies {@code bytes} from {@code source} (from its offset {@code sourceOffset}) into the device's buffer at
     * {@code deviceOffset} by DMA and waits until the engine is done. Arguments are checked before anything is
     * written.
     */
    void copyToDevice(HostBuffer source, int sourceOffset, int deviceOffset, int bytes, Duration bound);

    /** Copies {@code bytes} of the device's buffer from {@code deviceOffset} into {@code target} by DMA; see {@link #copyToDevice}. */
    void copyFromDevice(int deviceOffset, HostBuffer target, int targetOffset, int bytes, Duration bound);
}
