package io.halcyon.consumers.butr;

/**
 * How the checks reach registers: by absolute address and register width. On a chip this is the
 * {@link io.halcyon.hal.api.bus.RegisterBus} ({@link BusAccess}); a test bench over a register model
 * may offer more widths than the bus has.
 */
public interface RegisterAccess {

    /** True when registers of {@code widthBits} can be read and written as one access. */
    boolean supportsWidth(int widthBits);

    /** Reads a register, zero-extended. */
    long read(long address, int widthBits);

    void write(long address, int widthBits, long value);

    /** The device's time base, in nanoseconds. */
    long deviceTimeNanos();
}
