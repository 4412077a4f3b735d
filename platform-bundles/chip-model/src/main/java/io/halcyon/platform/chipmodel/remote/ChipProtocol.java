package io.halcyon.platform.chipmodel.remote;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.halcyon.hal.api.bus.BusException;
import io.halcyon.hal.api.bus.BusTimeoutException;
import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.DeviceGoneException;
import io.halcyon.hal.api.bus.SlaveErrorException;

/**
 * The chip-server wire protocol, one definition for every out-of-process chip: the emulation's chip
 * server and the verification platform's simulator serve it, {@link ChipClient} speaks it. The message
 * layouts are in the emulation's {@code ChipServer} javadoc; the simulator's harness implements the same
 * bytes in C++. Errors travel as a kind byte, the address and the
 * operation, and become the same {@link BusException} subclass on the client side.
 */
public final class ChipProtocol {

    /** "HCHP", little-endian: the first four bytes the server sends on every connection. */
    public static final int MAGIC = 0x50484348;
    public static final short VERSION = 1;

    /** Greeting state: this connection now owns the chip. */
    public static final byte ATTACHED = 0;
    /** Greeting state: another host is attached; the server closes this connection. */
    public static final byte BUSY = 1;

    public static final byte READ32 = 0x01;
    public static final byte READ64 = 0x02;
    public static final byte WRITE32 = 0x03;
    public static final byte WRITE64 = 0x04;
    public static final byte POST32 = 0x05;
    public static final byte POST64 = 0x06;
    public static final byte FLUSH = 0x07;
    public static final byte READ32_BATCH = 0x08;
    public static final byte READ64_BATCH = 0x09;
    public static final byte AWAIT = 0x0A;
    public static final byte DEVICE_TIME = 0x0B;
    public static final byte MAP = 0x0C;
    public static final byte UNMAP = 0x0D;
    public static final byte MAPPINGS = 0x0E;
    /** Simulator only: {@code u32 cycles}, holds the chip in reset that long; reply {@code u64 cycle count after it}. */
    public static final byte RESET = 0x10;
    /** Simulator only: {@code str path}, dumps a VCD there from now on (empty: stops); no payload. */
    public static final byte WAVES = 0x11;
    /** Simulator only: reply {@code str}, what simulates the chip (simulator version, chip map, bus, clock). */
    public static final byte INFO = 0x12;

    /** Most addresses in one batch request: request and reply both fit one wire buffer. */
    public static final int MAX_BATCH = 4096;

    /** Reply status: success, the payload follows. Any other value is an error kind. */
    public static final byte OK = 0;
    public static final byte SLAVE_ERROR = 1;
    public static final byte DECODE_ERROR = 2;
    public static final byte BUS_TIMEOUT = 3;
    public static final byte DEVICE_GONE = 4;
    public static final byte ILLEGAL_ARGUMENT = 5;
    public static final byte ILLEGAL_STATE = 6;

    private ChipProtocol() {
    }

    /** Appends an error reply for {@code failure}; other exceptions than these are server bugs and are not caught. */
    public static void putError(WireChannel wire, RuntimeException failure) throws IOException {
        if (failure instanceof BusException e) {
            ByteBuffer out = wire.reserve(1 + 8 + WireChannel.stringBytes(e.operation()));
            out.put(kindOf(e)).putLong(e.address());
            WireChannel.putString(out, e.operation());
        } else {
            String message = String.valueOf(failure.getMessage());
            ByteBuffer out = wire.reserve(1 + WireChannel.stringBytes(message));
            out.put(failure instanceof IllegalArgumentException ? ILLEGAL_ARGUMENT : ILLEGAL_STATE);
            WireChannel.putString(out, message);
        }
    }

    /** Reads the body of an error reply of {@code kind} and returns the exception to throw. */
    public static RuntimeException readError(WireChannel wire, byte kind) throws IOException {
        if (kind == ILLEGAL_ARGUMENT || kind == ILLEGAL_STATE) {
            String message = wire.getString();
            return kind == ILLEGAL_ARGUMENT ? new IllegalArgumentException(message) : new IllegalStateException(message);
        }
        long address = wire.need(8).getLong();
        String operation = wire.getString();
        return switch (kind) {
            case SLAVE_ERROR -> new SlaveErrorException(address, operation);
            case DECODE_ERROR -> new DecodeErrorException(address, operation);
            case BUS_TIMEOUT -> new BusTimeoutException(address, operation);
            case DEVICE_GONE -> new DeviceGoneException(address, operation);
            default -> throw new IOException("unknown error kind " + kind + " from the chip server");
        };
    }

    private static byte kindOf(BusException e) {
        if (e instanceof DecodeErrorException) {
            return DECODE_ERROR;
        }
        if (e instanceof BusTimeoutException) {
            return BUS_TIMEOUT;
        }
        if (e instanceof DeviceGoneException) {
            return DEVICE_GONE;
        }
        return SLAVE_ERROR;
    }

    /**
     * A misaligned access is the slave's error on every platform; a post is refused at the call, since it
     * has no reply to carry the error.
     */
    public static void checkAlignment(long address, int bytes, String operation) {
        if ((address & (bytes - 1)) != 0) {
            throw new SlaveErrorException(address, operation + " (misaligned: needs " + bytes + "-byte alignment)");
        }
    }
}
