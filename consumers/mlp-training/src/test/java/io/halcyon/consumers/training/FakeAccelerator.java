package io.halcyon.consumers.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.dma.MemorySpace;
import io.halcyon.hal.api.hbm.EccCounts;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.tensor.TensorCommand;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.tensor.TensorEngineStatus;

/**
 * A chip that does in Java what the contracts say: HBM as a byte buffer, DMA that copies at once,
 * a tensor engine that computes each command in fp32 when it is submitted. Records every DMA
 * descriptor and tensor command so tests can check how data moved.
 */
final class FakeAccelerator implements ChipAccess {

    final ByteBuffer hbmBytes = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    final List<DmaDescriptor> descriptors = new ArrayList<>();
    final List<TensorCommand> commands = new ArrayList<>();
    HbmState hbmState = HbmState.READY;
    private final Map<Long, ByteBuffer> host = new HashMap<>();
    private long nextHostAddress = 0x1000_0000L;
    private long completed;
    private long submissionsLeft = Long.MAX_VALUE;

    /** The chip vanishes: its tensor engine fails every submission after {@code submissions} more. */
    void failTensorAfter(long submissions) {
        submissionsLeft = submissions;
    }

    @Override
    public DmaEngine dma() {
        return new Dma();
    }

    @Override
    public TensorEngine tensor() {
        return new Tensor();
    }

    @Override
    public HostMemory hostMemory() {
        return this::allocate;
    }

    @Override
    public HbmController hbm() {
        return new Hbm();
    }

    private HostBuffer allocate(int bytes) {
        int size = (bytes + 4095) / 4096 * 4096;
        long address = nextHostAddress;
        nextHostAddress += size + 4096L;
        ByteBuffer memory = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
        host.put(address, memory);
        return new HostBuffer() {
            @Override public long busAddress() { return address; }
            @Override public int size() { return size; }
            @Override public ByteBuffer contents() { return memory.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN); }
            @Override public void close() { host.remove(address); }
        };
    }

    /** The byte at a DMA address: HBM by offset, host memory by bus address of a live buffer. */
    private ByteBuffer memory(MemorySpace space, long address, int[] offset) {
        if (space == MemorySpace.DEVICE) {
            offset[0] = (int) address;
            return hbmBytes;
        }
        for (Map.Entry<Long, ByteBuffer> e : host.entrySet()) {
            if (address >= e.getKey() && address < e.getKey() + e.getValue().capacity()) {
                offset[0] = (int) (address - e.getKey());
                return e.getValue();
            }
        }
        throw new IllegalStateException(String.format("DMA to unmapped host address 0x%x", address));
    }

    private final class Dma implements DmaEngine {
        @Override public int channels() { return 4; }
        @Override public void enable() {}
        @Override public void submit(int channel, List<DmaDescriptor> list, Duration bound) {
            for (DmaDescriptor d : list) {
                descriptors.add(d);
                int[] from = new int[1];
                int[] to = new int[1];
                ByteBuffer source = memory(d.sourceSpace(), d.source(), from);
                ByteBuffer destination = memory(d.destinationSpace(), d.destination(), to);
                for (int i = 0; i < d.length(); i++) {
                    destination.put(to[0] + i, source.get(from[0] + i));
                }
            }
        }
        @Override public void awaitIdle(int channel, Duration bound) {}
        @Override public DmaChannelStatus status(int channel) { return new DmaChannelStatus(channel, 0, 0, false, false, 0); }
        @Override public long bytesMoved() { return 0; }
    }

    private final class Tensor implements TensorEngine {
        @Override public long submit(List<TensorCommand> list, Duration bound) {
            if (submissionsLeft-- <= 0) {
                throw new IllegalStateException("device gone (the fake chip vanished)");
            }
            for (TensorCommand c : list) {
                commands.add(c);
                execute(c);
                completed++;
            }
            return completed;
        }
        @Override public void await(long ticket, Duration bound) {
            if (ticket > completed) {
                throw new IllegalStateException("ticket " + ticket + " never completes");
            }
        }
        @Override public TensorEngineStatus status() { return new TensorEngineStatus(0, false, completed, false, 0); }
        @Override public long busyCycles() { return completed * 100; }
    }

    private final class Hbm implements HbmController {
        @Override public HbmState state() { return hbmState; }
        @Override public void startTraining() {}
        @Override public void awaitReady(Duration bound) {}
        @Override public long sizeBytes() { return hbmBytes.capacity(); }
        @Override public EccCounts readAndClearEccCounters() { return new EccCounts(0, 0); }
    }

    private float f(long address, int index) {
        return hbmBytes.getFloat((int) address + 4 * index);
    }

    private void set(long address, int index, float value) {
        hbmBytes.putFloat((int) address + 4 * index, value);
    }

    private void execute(TensorCommand c) {
        int m = c.m();
        int n = c.n();
        switch (c.opcode()) {
            case MATMUL -> {
                float[] out = new float[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float sum = 0;
                        for (int k = 0; k < c.k(); k++) {
                            float a = c.transposeA() ? f(c.a(), k * m + i) : f(c.a(), i * c.k() + k);
                            float b = c.transposeB() ? f(c.b(), j * c.k() + k) : f(c.b(), k * n + j);
                            sum += a * b;
                        }
                        out[i * n + j] = sum;
                    }
                }
                for (int i = 0; i < out.length; i++) {
                    set(c.c(), i, out[i]);
                }
            }
            case SUM_ROWS -> {
                for (int j = 0; j < n; j++) {
                    float sum = 0;
                    for (int i = 0; i < m; i++) {
                        sum += f(c.a(), i * n + j);
                    }
                    set(c.c(), j, sum);
                }
            }
            default -> {
                for (int i = 0; i < m * n; i++) {
                    float a = f(c.a(), i);
                    set(c.c(), i, switch (c.opcode()) {
                        case ADD -> a + f(c.b(), i);
                        case SUB -> a - f(c.b(), i);
                        case MUL -> a * f(c.b(), i);
                        case SCALE -> c.scalar() * a;
                        case RELU -> Math.max(a, 0f);
                        case RELU_GRAD -> f(c.b(), i) > 0 ? a : 0f;
                        case ADD_ROW -> a + f(c.b(), i % n);
                        case AXPY -> c.scalar() * a + f(c.b(), i);
                        default -> throw new IllegalArgumentException("fake engine cannot run " + c.opcode());
                    });
                }
            }
        }
    }
}
