package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A device's interrupt through Linux UIO ({@code /dev/uioN}): a blocking read of the interrupt count,
 * bounded by poll. With uio_pci_generic the kernel masks the device's INTx line in its handler; writing 1
 * to the device file unmasks it, which {@link #arm} does before every register read of a wait, so an
 * interrupt raised after that read is never missed.
 */
final class UioInterrupts implements AutoCloseable {

    private final Path file;
    private final int fd;
    private volatile int lastCount;

    private UioInterrupts(Path file, int fd) {
        this.file = file;
        this.fd = fd;
    }

    static UioInterrupts open(Path file) throws IOException {
        return new UioInterrupts(file, Mmio.openInterrupts(file.toString()));
    }

    Path file() {
        return file;
    }

    /** Unmasks the interrupt. */
    void arm() {
        try {
            Mmio.enableInterrupts(fd);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Waits at most {@code millis} for an interrupt; true when one came. */
    boolean await(int millis) {
        try {
            int count = Mmio.awaitInterrupt(fd, millis);
            if (count >= 0) {
                lastCount = count;
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The device's interrupt count as of the last interrupt this process waited for. */
    int lastCount() {
        return lastCount;
    }

    @Override
    public void close() {
        Mmio.close(fd);
    }
}
