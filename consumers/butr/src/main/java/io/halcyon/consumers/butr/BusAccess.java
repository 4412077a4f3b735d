package io.halcyon.consumers.butr;

import io.halcyon.hal.api.bus.RegisterBus;

/** Register access through a chip's bus: 32- and 64-bit registers, as the bus SPI offers. */
public final class BusAccess implements RegisterAccess {

    private final RegisterBus bus;

    public BusAccess(RegisterBus bus) {
        this.bus = bus;
    }

    @Override
    public boolean supportsWidth(int widthBits) {
        return widthBits == 32 || widthBits == 64;
    }

    @Override
    public long read(long address, int widthBits) {
        return widthBits == 64 ? bus.read64(address) : Integer.toUnsignedLong(bus.read32(address));
    }

    @Override
    public void write(long address, int widthBits, long value) {
        if (widthBits == 64) {
            bus.write64(address, value);
        } else {
            bus.write32(address, (int) value);
        }
    }

    @Override
    public long deviceTimeNanos() {
        return bus.deviceTimeNanos();
    }
}
