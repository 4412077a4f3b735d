package io.halcyon.platform.chipmodel.remote;

import static io.halcyon.platform.chipmodel.remote.ChipProtocol.*;

import java.nio.ByteBuffer;
import java.time.Duration;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;

/**
 * The register bus of a chip in a chip server. Posted writes are queued on the connection and
 * travel with the next blocking request (or when the send buffer fills), so a burst of posts costs no
 * round trips; their errors come back as the reply to the next flush, access or await. Misaligned posts
 * are refused at the call, as the in-process bus does, because a post has no reply to carry the error.
 */
final class SocketBus implements RegisterBus {

    private final ChipClient client;

    SocketBus(ChipClient client) {
        this.client = client;
    }

    @Override
    public int read32(long address) {
        return client.call(address, "read32", w -> {
            w.reserve(9).put(READ32).putLong(address);
            ChipClient.reply(w);
            return w.need(4).getInt();
        });
    }

    @Override
    public long read64(long address) {
        return client.call(address, "read64", w -> {
            w.reserve(9).put(READ64).putLong(address);
            ChipClient.reply(w);
            return w.need(8).getLong();
        });
    }

    @Override
    public void write32(long address, int value) {
        client.call(address, "write32", w -> {
            w.reserve(13).put(WRITE32).putLong(address).putInt(value);
            ChipClient.reply(w);
            return null;
        });
    }

    @Override
    public void write64(long address, long value) {
        client.call(address, "write64", w -> {
            w.reserve(17).put(WRITE64).putLong(address).putLong(value);
            ChipClient.reply(w);
            return null;
        });
    }

    @Override
    public void post32(long address, int value) {
        ChipProtocol.checkAlignment(address, 4, "post32");
        client.call(address, "post32", w -> w.reserve(13).put(POST32).putLong(address).putInt(value));
    }

    @Override
    public void post64(long address, long value) {
        ChipProtocol.checkAlignment(address, 8, "post64");
        client.call(address, "post64", w -> w.reserve(17).put(POST64).putLong(address).putLong(value));
    }

    @Override
    public void flush() {
        client.call(0, "flush", w -> {
            w.reserve(1).put(FLUSH);
            ChipClient.reply(w);
            return null;
        });
    }

    @Override
    public int[] read32(long[] addresses) {
        int[] values = new int[addresses.length];
        readBatch(addresses, READ32_BATCH, 4, "read32", (i, in) -> values[i] = in.getInt());
        return values;
    }

    @Override
    public long[] read64(long[] addresses) {
        long[] values = new long[addresses.length];
        readBatch(addresses, READ64_BATCH, 8, "read64", (i, in) -> values[i] = in.getLong());
        return values;
    }

    /** Takes the value of the {@code index}th address from the reply. */
    private interface ValueSink {
        void take(int index, ByteBuffer in);
    }

    /** One request per {@link ChipProtocol#MAX_BATCH} addresses; each reply fits the receive buffer. */
    private void readBatch(long[] addresses, byte op, int valueBytes, String operation, ValueSink sink) {
        for (int from = 0; from < addresses.length; from += MAX_BATCH) {
            int first = from;
            int count = Math.min(MAX_BATCH, addresses.length - from);
            client.call(addresses[first], operation, w -> {
                ByteBuffer out = w.reserve(5 + 8 * count).put(op).putInt(count);
                for (int i = first; i < first + count; i++) {
                    out.putLong(addresses[i]);
                }
                ChipClient.reply(w);
                ByteBuffer in = w.need(valueBytes * count);
                for (int i = first; i < first + count; i++) {
                    sink.take(i, in);
                }
                return null;
            });
        }
    }

    @Override
    public WaitResult await(long address, int mask, int expected, Duration bound) {
        return client.call(address, "await", w -> {
            w.reserve(25).put(AWAIT).putLong(address).putInt(mask).putInt(expected).putLong(bound.toNanos());
            ChipClient.reply(w);
            ByteBuffer in = w.need(13);
            boolean met = in.get() == 1;
            return new WaitResult(address, met, in.getInt(), in.getLong());
        });
    }

    @Override
    public long deviceTimeNanos() {
        return client.call(0, "device time", w -> {
            w.reserve(1).put(DEVICE_TIME);
            ChipClient.reply(w);
            return w.need(8).getLong();
        });
    }

}
