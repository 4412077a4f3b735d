package io.halcyon.platform.production;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;

/**
 * DMA buffers for a device without an IOMMU: locked anonymous pages, whose bus address is their
 * physical address (from /proc/self/pagemap, which Linux shows to root only). A buffer must be
 * physically contiguous; pages usually are not beyond one, so a larger request that is not is refused
 * rather than handed out with a bus address the device would overrun.
 */
final class ProductionHostMemory implements HostMemory {

    static final int PAGE = 4096;

    @Override
    public HostBuffer allocate(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("host buffer of " + bytes + " bytes");
        }
        int size = (bytes + PAGE - 1) / PAGE * PAGE;
        try {
            long address = Mmio.allocatePinned(size);
            long bus = Mmio.physicalAddress(address);
            for (int page = PAGE; page < size; page += PAGE) {
                if (bus < 0 || Mmio.physicalAddress(address + page) != bus + page) {
                    Mmio.unmap(address, size);
                    throw new IllegalStateException("no physically contiguous host memory of " + size
                            + " bytes for DMA; allocate at most " + PAGE + " bytes per buffer");
                }
            }
            if (bus < 0) {
                Mmio.unmap(address, size);
                throw new IllegalStateException("DMA buffers need the physical address of their pages, which Linux"
                        + " tells only to root (CAP_SYS_ADMIN)");
            }
            return new Buffer(address, bus, size);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static final class Buffer implements HostBuffer {
        private final long address;
        private final long bus;
        private final int size;
        private boolean closed;

        Buffer(long address, long bus, int size) {
            this.address = address;
            this.bus = bus;
            this.size = size;
        }

        @Override
        public long busAddress() {
            return bus;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public synchronized ByteBuffer contents() {
            if (closed) {
                throw new IllegalStateException("host buffer at bus address 0x" + Long.toHexString(bus) + " is closed");
            }
            return Mmio.buffer(address, size).order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                Mmio.unmap(address, size);
            }
        }
    }
}
