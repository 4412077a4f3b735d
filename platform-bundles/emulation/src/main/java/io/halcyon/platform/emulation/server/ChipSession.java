package io.halcyon.platform.emulation.server;

import io.halcyon.platform.chipmodel.remote.ChipClient;
import io.halcyon.platform.chipmodel.remote.ChipProtocol;
import io.halcyon.platform.chipmodel.remote.WireChannel;
import static io.halcyon.platform.chipmodel.remote.ChipProtocol.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.halcyon.hal.api.bus.BusException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;

/**
 * Serves one attached host: reads its requests in order and executes each on the chip's bus. A session
 * has a bus of its own, so an error deferred from one host's posted write is never thrown at the next
 * host. Replies are queued and go out together when the session has read every request already sent.
 */
final class ChipSession {

    /** What a request does once its operands are read; throws the failure to report, or writes its reply. */
    private interface Execution {
        void run() throws IOException;
    }

    private final RegisterBus bus;
    private final SharedFileMappings mappings;
    private final WireChannel wire;

    ChipSession(RegisterBus bus, SharedFileMappings mappings, WireChannel wire) {
        this.bus = bus;
        this.mappings = mappings;
        this.wire = wire;
    }

    /** Serves requests until the host closes the connection (EOFException) or sends something malformed. */
    void serve() throws IOException {
        while (true) {
            byte op = wire.need(1).get();
            switch (op) {
                case READ32 -> {
                    long address = wire.need(8).getLong();
                    reply(() -> {
                        int value = bus.read32(address);
                        ok(4).putInt(value);
                    });
                }
                case READ64 -> {
                    long address = wire.need(8).getLong();
                    reply(() -> {
                        long value = bus.read64(address);
                        ok(8).putLong(value);
                    });
                }
                case WRITE32 -> {
                    ByteBuffer in = wire.need(12);
                    long address = in.getLong();
                    int value = in.getInt();
                    reply(() -> {
                        bus.write32(address, value);
                        ok(0);
                    });
                }
                case WRITE64 -> {
                    ByteBuffer in = wire.need(16);
                    long address = in.getLong();
                    long value = in.getLong();
                    reply(() -> {
                        bus.write64(address, value);
                        ok(0);
                    });
                }
                // Posted writes have no reply: the bus holds their first error for the next blocking request.
                case POST32 -> {
                    ByteBuffer in = wire.need(12);
                    bus.post32(in.getLong(), in.getInt());
                }
                case POST64 -> {
                    ByteBuffer in = wire.need(16);
                    bus.post64(in.getLong(), in.getLong());
                }
                case FLUSH -> reply(() -> {
                    bus.flush();
                    ok(0);
                });
                case READ32_BATCH -> {
                    long[] addresses = batch();
                    reply(() -> {
                        int[] values = bus.read32(addresses);
                        ByteBuffer out = ok(4 * values.length);
                        for (int v : values) {
                            out.putInt(v);
                        }
                    });
                }
                case READ64_BATCH -> {
                    long[] addresses = batch();
                    reply(() -> {
                        long[] values = bus.read64(addresses);
                        ByteBuffer out = ok(8 * values.length);
                        for (long v : values) {
                            out.putLong(v);
                        }
                    });
                }
                case AWAIT -> {
                    ByteBuffer in = wire.need(24);
                    long address = in.getLong();
                    int mask = in.getInt();
                    int expected = in.getInt();
                    long boundNanos = in.getLong();
                    reply(() -> {
                        WaitResult r = bus.await(address, mask, expected, Duration.ofNanos(boundNanos));
                        ok(13).put((byte) (r.met() ? 1 : 0)).putInt(r.lastValue()).putLong(r.deviceNanos());
                    });
                }
                case DEVICE_TIME -> reply(() -> {
                    long now = bus.deviceTimeNanos();
                    ok(8).putLong(now);
                });
                case MAP -> {
                    int size = wire.need(4).getInt();
                    Path file = Path.of(wire.getString());
                    reply(() -> {
                        long busAddress = mappings.map(file, size);
                        ok(8).putLong(busAddress);
                    });
                }
                case UNMAP -> {
                    long busAddress = wire.need(8).getLong();
                    reply(() -> {
                        boolean released = mappings.unmap(busAddress);
                        ok(1).put((byte) (released ? 1 : 0));
                    });
                }
                case MAPPINGS -> {
                    List<SharedFileMappings.SharedBuffer> buffers = mappings.list();
                    ok(4).putInt(buffers.size());
                    for (SharedFileMappings.SharedBuffer b : buffers) {
                        String file = b.file().toString();
                        ByteBuffer out = wire.reserve(12 + WireChannel.stringBytes(file)).putLong(b.busAddress()).putInt(b.size());
                        WireChannel.putString(out, file);
                    }
                }
                case RESET, WAVES, INFO -> {
                    if (op == RESET) {
                        wire.need(4).getInt();
                    } else if (op == WAVES) {
                        wire.getString();
                    }
                    reply(() -> {
                        throw new IllegalStateException("the emulation's chip server has no simulator reset, waveforms or simulator info");
                    });
                }
                default -> throw new IOException(String.format("unknown request 0x%02x from the host", op));
            }
        }
    }

    private long[] batch() throws IOException {
        int count = wire.need(4).getInt();
        if (count < 0 || count > MAX_BATCH) {
            throw new IOException("batch of " + count + " addresses from the host; at most " + MAX_BATCH);
        }
        long[] addresses = new long[count];
        ByteBuffer in = wire.need(8 * count);
        for (int i = 0; i < count; i++) {
            addresses[i] = in.getLong();
        }
        return addresses;
    }

    private ByteBuffer ok(int payloadBytes) throws IOException {
        return wire.reserve(1 + payloadBytes).put(OK);
    }

    private void reply(Execution execution) throws IOException {
        try {
            execution.run();
        } catch (BusException | IllegalArgumentException | IllegalStateException e) {
            putError(wire, e);
        }
    }
}
