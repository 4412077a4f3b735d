package io.halcyon.platform.chipmodel.remote;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One end of a chip-server connection: a blocking socket with a send buffer and a receive buffer, both
 * little-endian. Messages are appended to the send buffer and go out only when the buffer fills or when
 * this end is about to wait for bytes from the other end. That one rule gives both sides pipelining for
 * free: a client's posted writes travel with its next blocking request, and a server's replies with the
 * last request it could read without waiting.
 */
public final class WireChannel implements AutoCloseable {

    /** Size of each buffer; no single message may be larger. */
    public static final int BUFFER_BYTES = 64 * 1024;

    private final SocketChannel socket;
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN).limit(0);

    public WireChannel(SocketChannel socket) {
        this.socket = socket;
    }

    /** The send buffer with room for at least {@code bytes} more (what is queued goes out first if needed). */
    public ByteBuffer reserve(int bytes) throws IOException {
        if (out.remaining() < bytes) {
            send();
        }
        return out;
    }

    /** Writes everything queued. */
    public void send() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            socket.write(out);
        }
        out.clear();
    }

    /**
     * The receive buffer with at least {@code bytes} readable. Sends what is queued before it waits.
     *
     * @throws EOFException if the other end closed the connection first
     */
    public ByteBuffer need(int bytes) throws IOException {
        if (in.remaining() >= bytes) {
            return in;
        }
        send();
        in.compact();
        try {
            while (in.position() < bytes) {
                if (socket.read(in) < 0) {
                    throw new EOFException("connection closed by the other end");
                }
            }
        } finally {
            in.flip();
        }
        return in;
    }

    /** Whether bytes are already received but not yet consumed (the other end has more queued). */
    public boolean hasReceived() {
        return in.hasRemaining();
    }

    public static void putString(ByteBuffer to, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        to.putShort((short) bytes.length).put(bytes);
    }

    /** Reads a string written by {@link #putString}, waiting for its bytes. */
    public String getString() throws IOException {
        int length = Short.toUnsignedInt(need(2).getShort());
        byte[] bytes = new byte[length];
        need(length).get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static int stringBytes(String text) {
        return 2 + text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
