package io.halcyon.platform.emulation.server;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.halcyon.hal.api.bus.BusException;
import io.halcyon.hal.api.bus.BusTimeoutException;
import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.DeviceGoneException;
import io.halcyon.hal.api.bus.SlaveErrorException;

/**
 * The chip server's wire format, shared by {@link ChipServer} and {@link ChipClient}; see
 * {@link ChipServer} for the message layouts. Errors travel as a kind byte, the address and the
 * operation, and become the same {@link BusException} subclass on the client side.
 */
final class ChipProtocol {

    /** "HCHP", little-endian: the first four bytes the server sends on every connection. */
    static final int MAGIC = 0x50484348;
    static final short VERSION = 1;

    /** Greeting state: this connection now owns the chip. */
    static final byte ATTACHED = 0;
    /** Greeting state: another host is attached; the server closes this connection. */
    static final byte BUSY = 1;

    static final byte READ32 = 0x01;
    static final byte READ64 = 0x02;
    static final byte WRITE32 = 0x03;
    static final byte WRITE64 = 0x04;
    static final byte POST32 = 0x05;
    static final byte POST64 = 0x06;
    static final byte FLUSH = 0x07;
    static final byte READ32_BATCH = 0x08;
    static final byte READ64_BATCH = 0x09;
    static final byte AWAIT = 0x0A;
    static final byte DEVICE_TIME = 0x0B;
    static final byte MAP = 0x0C;
    static final byte UNMAP = 0x0D;
    static final byte MAPPINGS = 0x0E;

    /** Most addresses in one batch request: request and reply both fit one wire buffer. */
    static final int MAX_BATCH = 4096;

    /** Reply status: success, the payload follows. Any other value is an error kind. */
    static final byte OK = 0;
    static final byte SLAVE_ERROR = 1;
    static final byte DECODE_ERROR = 2;
    static final byte BUS_TIMEOUT = 3;
    static final byte DEVICE_GONE = 4;
    static final byte ILLEGAL_ARGUMENT = 5;
    static final byte ILLEGAL_STATE = 6;

    private ChipProtocol() {
    }

    /** Appends an error reply for {@code failure}; other exceptions than these are server bugs and are not caught. */
    static void putError(WireChannel wire, RuntimeException failure) throws IOException {
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
    static RuntimeException readError(WireChannel wire, byte kind) throws IOException {
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
}
