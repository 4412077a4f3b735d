package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;

import org.junit.Test;

import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.platform.emulation.model.EmulatedChip;

/**
 * The same register sequence on two fresh chips gives the same HBM bytes, the same host bytes, the same
 * registers and the same device time, bit for bit. Also reports what building the chip costs.
 */
public class DeterminismTest {

    private static final long HBM_SPAN = 1 << 20;

    private record Outcome(long deviceTime, byte[] hbm, byte[] host, int[] registers) {
    }

    private static Outcome runWorkload() {
        ChipFixture f = new ChipFixture().ready();
        HostBuffer buffer = new EmulatedHostMemory(f.chip.hostMemory()).allocate(64 * 1024);
        Random r = new Random(7);
        for (int i = 0; i < 64 * 1024 / 4; i++) {
            buffer.contents().putFloat(4 * i, r.nextFloat() - 0.5f);
        }
        long ring = ring(0);
        f.bus.write64(ring, buffer.busAddress());
        f.bus.write64(ring + 8, 0);
        f.bus.write64(ring + 16, 64 * 1024 | 1L << 32);
        f.bus.write32(channel(0) + 4, 1);
        met(f.bus.await(channel(0), 0xF, 1, MS));
        // A 64x64x64 MATMUL, ReLU of it, then SCALE in place, then back to the host.
        submit(f, 1, 0, 0x4000, 0x10000, 64, 64, 64, 0);
        submit(f, 6, 0x10000, 0, 0x20000, 64, 64, 0, 0);
        submit(f, 5, 0x20000, 0, 0x20000, 64, 64, 0, 0.125f);
        met(f.bus.await(DONE_COUNT, -1, 3, MS));
        f.bus.write64(ring + 32, 0x20000);
        f.bus.write64(ring + 40, buffer.busAddress());
        f.bus.write64(ring + 48, 64 * 64 * 4 | 1L << 33);
        f.bus.write32(channel(0) + 4, 2);
        met(f.bus.await(channel(0), 0xF, 2, MS));
        byte[] hbm = new byte[(int) HBM_SPAN];
        f.chip.deviceMemory().read(0, ByteBuffer.wrap(hbm));
        byte[] host = new byte[64 * 1024];
        buffer.contents().get(host);
        int[] regs = f.bus.read32(new long[] {CYCLES, DONE_COUNT, QUEUE_STATUS, temp(0), POWER, BYTES_MOVED, PENDING});
        return new Outcome(f.bus.deviceTimeNanos(), hbm, host, regs);
    }

    private static void submit(ChipFixture f, int op, long a, long b, long c, int m, int n, int k, float scalar) {
        f.stageTensor(op, a, b, c, m, n, k, scalar);
        f.bus.write32(SUBMIT, 1);
    }

    @Test
    public void sameSequenceSameBytesSameDeviceTime() {
        Outcome first = runWorkload();
        Outcome second = runWorkload();
        assertEquals(first.deviceTime(), second.deviceTime());
        assertArrayEquals(first.hbm(), second.hbm());
        assertArrayEquals(first.host(), second.host());
        assertArrayEquals(first.registers(), second.registers());
        assertTrue("the workload computed something", ByteBuffer.wrap(first.host()).getInt(0) != 0
                || ByteBuffer.wrap(first.host()).getInt(4) != 0);
    }

    @Test
    public void buildingTheWholeChipIsQuick() {
        ChipFixture.reference(); // the generated chip map is built once per JVM
        int builds = 20;
        long start = System.nanoTime();
        for (int i = 0; i < builds; i++) {
            ChipFixture.reference();
        }
        double perChipMs = (System.nanoTime() - start) / 1e6 / builds;
        System.out.printf("whole chip (8 blocks, behaviours, 256 MiB sparse HBM) built in %.2f ms from the chip map%n", perChipMs);
        assertTrue("building the chip took " + perChipMs + " ms", perChipMs < 500);
    }
}
