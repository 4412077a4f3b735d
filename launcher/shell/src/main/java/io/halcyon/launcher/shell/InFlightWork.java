package io.halcyon.launcher.shell;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.tensor.TensorCommand;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.tensor.TensorEngineStatus;

/**
 * Work that stays in flight on chip 0 long after it was submitted, for crash drills: a host submits it
 * and dies, another finds it still running and lets it finish. Its results follow from simple formulas,
 * so whoever checks them can compute them independently.
 * <ul>
 * <li>tensor: X (256 x 256, X[i][k] = 256 i + k) times the cyclic shift matrix (P[k][j] = 1 where
 * j = k + 1 mod 256) sixteen times, in place in Y, so Y[i][j] = X[i][j - 16 mod 256]. Each MATMUL
 * takes 16 us of device time; all are exact in fp32.</li>
 * <li>DMA, on channel {@value #CHANNEL}: a 1 MiB host buffer S (32-bit word w = w * 0x9E3779B1) to HBM
 * Z in four 256 KiB descriptors, then Z back to a second host buffer R with the four pieces in reverse
 * order; about 130 us of device time. S and R stay mapped after their host is gone.</li>
 * </ul>
 */
final class InFlightWork {

    /** The in-flight DMA channel; channel 0 stages inputs and reads results back. */
    static final int CHANNEL = 1;
    static final int SIZE = 256;
    static final int SHIFTS = 16;
    static final int PIECES = 4;
    private static final int STAGING_CHANNEL = 0;
    private static final int MATRIX_BYTES = SIZE * SIZE * Float.BYTES;
    private static final int DMA_BYTES = 1 << 20;
    private static final int PIECE_BYTES = DMA_BYTES / PIECES;
    // In the upper half of the 256 MiB of HBM, clear of the training workload's tensors (from 0 up).
    private static final long X = 0x0800_0000L;
    private static final long P = X + MATRIX_BYTES;
    private static final long Y = P + MATRIX_BYTES;
    private static final long Z = 0x0810_0000L;
    private static final Duration BOUND = Duration.ofMillis(10);

    private final DmaEngine dma;
    private final TensorEngine tensor;
    private final HostMemory hostMemory;

    InFlightWork(DmaEngine dma, TensorEngine tensor, HostMemory hostMemory) {
        this.dma = dma;
        this.tensor = tensor;
        this.hostMemory = hostMemory;
    }

    /**
     * Stages X and P (waiting for that copy), then submits the tensor and DMA batches without waiting.
     *
     * @return the tensor completion ticket of the batch
     */
    long submit() {
        try (HostBuffer staging = hostMemory.allocate(2 * MATRIX_BYTES)) {
            ByteBuffer in = staging.contents();
            for (int i = 0; i < SIZE * SIZE; i++) {
                in.putFloat((float) i);
            }
            for (int k = 0; k < SIZE; k++) {
                for (int j = 0; j < SIZE; j++) {
                    in.putFloat(j == (k + 1) % SIZE ? 1f : 0f);
                }
            }
            dma.submit(STAGING_CHANNEL, List.of(DmaDescriptor.toDevice(staging.busAddress(), X, 2 * MATRIX_BYTES)), BOUND);
            dma.awaitIdle(STAGING_CHANNEL, BOUND);
        }
        // Never closed: the chip uses them after this host is gone (closing would unmap them).
        HostBuffer source = hostMemory.allocate(DMA_BYTES);
        HostBuffer returned = hostMemory.allocate(DMA_BYTES);
        ByteBuffer s = source.contents();
        for (int w = 0; w < DMA_BYTES / Integer.BYTES; w++) {
            s.putInt(w * 0x9E37_79B1);
        }
        List<DmaDescriptor> copies = new ArrayList<>();
        for (int piece = 0; piece < PIECES; piece++) {
            copies.add(DmaDescriptor.toDevice(source.busAddress() + piece * PIECE_BYTES, Z + piece * PIECE_BYTES, PIECE_BYTES));
        }
        for (int piece = 0; piece < PIECES; piece++) {
            copies.add(DmaDescriptor.toHost(Z + piece * PIECE_BYTES, returned.busAddress() + (PIECES - 1 - piece) * PIECE_BYTES, PIECE_BYTES));
        }
        List<TensorCommand> shifts = new ArrayList<>();
        shifts.add(TensorCommand.matmul(X, false, P, false, Y, SIZE, SIZE, SIZE));
        for (int n = 1; n < SHIFTS; n++) {
            shifts.add(TensorCommand.matmul(Y, false, P, false, Y, SIZE, SIZE, SIZE));
        }
        long ticket = tensor.submit(shifts, BOUND);
        dma.submit(CHANNEL, copies, BOUND);
        return ticket;
    }

    /** Waits, in device time, until the tensor batch of {@code ticket} and the DMA channel are done. */
    void awaitDone(long ticket) {
        tensor.await(ticket, BOUND);
        dma.awaitIdle(CHANNEL, BOUND);
    }

    /** CRC-32 of Y and of Z as little-endian bytes, read back by DMA into a buffer of this host. */
    List<String> resultChecksums() {
        try (HostBuffer back = hostMemory.allocate(MATRIX_BYTES + DMA_BYTES)) {
            dma.submit(STAGING_CHANNEL, List.of(DmaDescriptor.toHost(Y, back.busAddress(), MATRIX_BYTES),
                    DmaDescriptor.toHost(Z, back.busAddress() + MATRIX_BYTES, DMA_BYTES)), BOUND);
            dma.awaitIdle(STAGING_CHANNEL, BOUND);
            ByteBuffer all = back.contents();
            return List.of(crc32(all.slice(0, MATRIX_BYTES)), crc32(all.slice(MATRIX_BYTES, DMA_BYTES)));
        }
    }

    /** The hardware's view of the work: tensor completions and queue, the DMA channel's ring positions. */
    String state(long ticket) {
        TensorEngineStatus t = tensor.status();
        DmaChannelStatus d = dma.status(CHANNEL);
        return String.format("tensor ticket %d, %d completed, %d queued; dma channel %d head %d tail %d",
                ticket, t.completed(), t.queued(), d.channel(), d.head(), d.tail());
    }

    private static String crc32(ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }
}
