package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A device's interrupt through Linux UIO ({@code /dev/uioN}): a blocking read of the interrupt count,
 * bounded by poll. The kernel masks the interrupt in its handler until software unmasks it, which
 * {@link #arm} does before every register read of a wait, so an interrupt raised after that read is never
 * missed: by writing 1 to the device file where the UIO driver implements that, else (uio_pci_generic,
 * whose handler sets the PCI function's INTx Disable bit) by clearing that bit in configuration space.
 */
final class UioInterrupts implements AutoCloseable {

    private final Path file;
    private final int fd;
    private final PciDevice pci;
    private volatile boolean unmaskInConfigSpace;
    private volatile int lastCount;

    private UioInterrupts(Path file, int fd, PciDevice pci) {
        this.file = file;
        this.fd = fd;
        this.pci = pci;
    }

    /** @param pci the PCI function behind the UIO device, or null */
    static UioInterrupts open(Path file, PciDevice pci) throws IOException {
        return new UioInterrupts(file, Mmio.openInterrupts(file.toString()), pci);
    }

    Path file() {
        return file;
    }

    /** Unmasks the interrupt. */
    void arm() {
        try {
            if (!unmaskInConfigSpace) {
                try {
                    Mmio.enableInterrupts(fd);
                    return;
                } catch (IOException e) {
                    if (pci == null || !e.getMessage().endsWith("Function not implemented")) {
                        throw e;
                    }
                    unmaskInConfigSpace = true; // the driver leaves unmasking to configuration space
                }
            }
            pci.unmaskIntx();
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
