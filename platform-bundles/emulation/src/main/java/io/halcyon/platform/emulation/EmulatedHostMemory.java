package io.halcyon.platform.emulation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.platform.emulation.model.HostAddressSpace;

/** Host memory for the emulated chip: direct buffers the chip's DMA finds by their bus address. */
final class EmulatedHostMemory implements HostMemory {

    private final HostAddressSpace space;

    EmulatedHostMemory(HostAddressSpace space) {
        this.space = space;
    }

    @Override
    public HostBuffer allocate(int bytes) {
        return new Buffer(space, space.allocate(bytes));
    }

    private static final class Buffer implements HostBuffer {
        private final HostAddressSpace space;
        private final HostAddressSpace.Mapping mapping;
        private volatile boolean closed;

        Buffer(HostAddressSpace space, HostAddressSpace.Mapping mapping) {
            this.space = space;
            this.mapping = mapping;
        }

        @Override
        public long busAddress() {
            return mapping.busAddress();
        }

        @Override
        public int size() {
            return mapping.buffer().capacity();
        }

        @Override
        public ByteBuffer contents() {
            if (closed) {
                throw new IllegalStateException(String.format("host buffer at 0x%x is closed", busAddress()));
            }
            return mapping.buffer().duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public void close() {
            closed = true;
            space.release(mapping.busAddress());
        }

        @Override
        public String toString() {
            return String.format("host buffer 0x%x +0x%x%s", busAddress(), size(), closed ? " (closed)" : "");
        }
    }
}
