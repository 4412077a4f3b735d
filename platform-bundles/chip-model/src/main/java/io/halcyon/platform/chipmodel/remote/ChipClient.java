package io.halcyon.platform.chipmodel.remote;

import static io.halcyon.platform.chipmodel.remote.ChipProtocol.*;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.halcyon.hal.api.bus.DeviceGoneException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.hostmem.HostMemory;

/**
 * A host's connection to a chip in another process (the emulation's chip server, or the verification
 * platform's simulator): the chip's {@link RegisterBus} and {@link HostMemory}
 * over one socket. Requests from all threads are serialised on the connection, in call order. When the
 * server goes away every later call fails with {@link DeviceGoneException}; the connection is not
 * re-made, because a new server would be a different chip.
 */
public final class ChipClient implements AutoCloseable {

    /** One request and its reply, under the connection's lock. */
    interface Exchange<T> {
        T run(WireChannel wire) throws IOException;
    }

    /** A host buffer the server has mapped, perhaps made by a host that is gone. */
    public record MappedBuffer(long busAddress, int size, Path file) {
    }

    private final Path socket;
    private final WireChannel wire;
    private final long serverPid;
    private IOException gone;

    private ChipClient(Path socket, WireChannel wire, long serverPid) {
        this.socket = socket;
        this.wire = wire;
        this.serverPid = serverPid;
    }

    /**
     * Attaches to the chip server at {@code socket}.
     *
     * @throws IOException naming the socket if nothing answers there, it is not a chip server, or
     *     another host is attached
     */
    public static ChipClient connect(Path socket) throws IOException {
        Path path = socket.toAbsolutePath();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new IOException("no chip server at " + path + " (" + e.getMessage() + ")", e);
        }
        WireChannel wire = new WireChannel(channel);
        try {
            ByteBuffer greeting = wire.need(15);
            int magic = greeting.getInt();
            short version = greeting.getShort();
            byte state = greeting.get();
            long pid = greeting.getLong();
            if (magic != MAGIC || version != VERSION) {
                throw new IOException(String.format("%s is not a chip server of protocol %d (magic 0x%08x, version %d)",
                        path, VERSION, magic, version));
            }
            if (state == BUSY) {
                throw new IOException("the chip server at " + path + " (pid " + pid + ") is attached to another host");
            }
            return new ChipClient(path, wire, pid);
        } catch (IOException e) {
            wire.close();
            throw e.getMessage() != null && e.getMessage().contains(path.toString()) ? e
                    : new IOException("chip server at " + path + " did not greet: " + e.getMessage(), e);
        }
    }

    public Path socket() {
        return socket;
    }

    public long serverPid() {
        return serverPid;
    }

    /** The chip's bus; one per connection, shared by every caller. */
    public RegisterBus bus() {
        return new SocketBus(this);
    }

    /** Host memory in files under /dev/shm (or the temporary directory), mapped by this process and the server. */
    public HostMemory hostMemory() {
        return hostMemory(SharedFileHostMemory.defaultDirectory());
    }

    /** Host memory in files under {@code directory}, which this process and the server both map. */
    public HostMemory hostMemory(Path directory) {
        return new SharedFileHostMemory(this, directory);
    }

    /** Every host buffer the server has mapped, including those of hosts that went away. */
    public List<MappedBuffer> mappedBuffers() {
        return call(0, "list host buffers", w -> {
            w.reserve(1).put(MAPPINGS);
            reply(w);
            int count = w.need(4).getInt();
            List<MappedBuffer> buffers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ByteBuffer in = w.need(12);
                long busAddress = in.getLong();
                int size = in.getInt();
                buffers.add(new MappedBuffer(busAddress, size, Path.of(w.getString())));
            }
            return buffers;
        });
    }

    /** Simulator only: holds the chip in reset for {@code cycles} clock cycles; returns the cycle count after it. */
    public long reset(int cycles) {
        return call(0, "reset", w -> {
            w.reserve(5).put(RESET).putInt(cycles);
            reply(w);
            return w.need(8).getLong();
        });
    }

    /** Simulator only: dumps waveforms (VCD) into {@code file} from now on; null stops the dump. */
    public void dumpWaves(Path file) {
        String path = file == null ? "" : file.toAbsolutePath().toString();
        call(0, "waves", w -> {
            WireChannel.putString(w.reserve(1 + WireChannel.stringBytes(path)).put(WAVES), path);
            reply(w);
            return null;
        });
    }

    /** Simulator only: what simulates the chip, in one line. */
    public String simulatorInfo() {
        return call(0, "simulator info", w -> {
            w.reserve(1).put(INFO);
            reply(w);
            return w.getString();
        });
    }

    long map(Path file, int size) {
        return call(0, "map host buffer", w -> {
            WireChannel.putString(w.reserve(5 + WireChannel.stringBytes(file.toString())).put(MAP).putInt(size), file.toString());
            reply(w);
            return w.need(8).getLong();
        });
    }

    boolean unmap(long busAddress) {
        return call(busAddress, "unmap host buffer", w -> {
            w.reserve(9).put(UNMAP).putLong(busAddress);
            reply(w);
            return w.need(1).get() == 1;
        });
    }

    /**
     * Runs one exchange. A broken connection turns into {@link DeviceGoneException} naming the address
     * and operation, now and for every later call (the byte stream can no longer be trusted).
     */
    synchronized <T> T call(long address, String operation, Exchange<T> exchange) {
        if (gone != null) {
            throw gone(address, operation);
        }
        try {
            return exchange.run(wire);
        } catch (IOException e) {
            gone = e;
            closeQuietly();
            throw gone(address, operation);
        }
    }

    private DeviceGoneException gone(long address, String operation) {
        return new DeviceGoneException(address, operation + "; connection to the chip server at " + socket
                + " lost: " + gone.getMessage(), gone);
    }

    /** Reads a reply's status and throws the error it carries, if any; the payload is left to read. */
    public static void reply(WireChannel w) throws IOException {
        byte status = w.need(1).get();
        if (status != OK) {
            throw readError(w, status);
        }
    }

    private void closeQuietly() {
        try {
            wire.close();
        } catch (IOException e) {
            // already broken
        }
    }

    /**
     * Detaches from the chip after sending the writes still queued (a posted write reaches the device even
     * when nothing waits for it); the chip and the host buffers it maps stay as they are.
     */
    @Override
    public synchronized void close() {
        if (gone != null) {
            return;
        }
        try {
            wire.send();
        } catch (IOException e) {
            // the server is gone: nothing left to deliver to
        }
        gone = new IOException("detached");
        closeQuietly();
    }
}
