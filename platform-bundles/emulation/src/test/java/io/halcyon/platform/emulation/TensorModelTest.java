package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Random;

import org.junit.Test;

import io.halcyon.platform.emulation.model.DeviceMemory;

/**
 * The tensor engine against a plain Java reference on small matrices (bit-exact: the reference uses the
 * same loop and accumulation order the opcode descriptions give), plus queue status, timing and errors.
 */
public class TensorModelTest {

    private static final int MATMUL = 1, ADD = 2, SUB = 3, MUL = 4, SCALE = 5, RELU = 6, RELU_GRAD = 7,
            ADD_ROW = 8, SUM_ROWS = 9, AXPY = 10;
    private static final long A = 0x1000, B = 0x2000, C = 0x3000;
    private static final int BUSY = 1 << 9;
    private static final int FULL = 1 << 8;

    private final ChipFixture f = new ChipFixture().ready();
    private final DeviceMemory hbm = f.chip.deviceMemory();
    private final Random random = new Random(42);

    private float[] random(int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = random.nextFloat() * 4 - 2;
        }
        return v;
    }

    private void stage(int opcode, int m, int n, int k, float scalar) {
        f.stageTensor(opcode, A, B, C, m, n, k, scalar);
    }

    private float[] run(int opcode, int m, int n, int k, float scalar, float[] a, float[] b, int resultCount) {
        hbm.writeFloats(A, a);
        hbm.writeFloats(B, b);
        int before = f.bus.read32(DONE_COUNT);
        stage(opcode, m, n, k, scalar);
        f.bus.write32(SUBMIT, 1);
        met(f.bus.await(DONE_COUNT, -1, before + 1, MS));
        assertEquals("no error", 0, f.bus.read32(TENSOR_ERR_CODE));
        return hbm.readFloats(C, resultCount);
    }

    private static float[] referenceMatmul(float[] a, float[] b, int m, int n, int k, boolean ta, boolean tb) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    public void matmulWithEveryTransposeCombination() {
        int m = 5, n = 7, k = 3;
        float[] a = random(m * k);
        float[] b = random(k * n);
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            float[] got = run(MATMUL | t << 8, m, n, k, 0, a, b, m * n);
            assertArrayEquals("TRANS_A=" + ta + " TRANS_B=" + tb, referenceMatmul(a, b, m, n, k, ta, tb), got, 0f);
        }
        // A concrete case, checked by hand: [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50], and with A transposed.
        assertArrayEquals(new float[] {19, 22, 43, 50}, run(MATMUL, 2, 2, 2, 0, new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}, 4), 0f);
        assertArrayEquals(new float[] {26, 30, 38, 44}, run(MATMUL | 1 << 8, 2, 2, 2, 0, new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}, 4), 0f);
    }

    @Test
    public void everyElementWiseOperation() {
        int m = 3, n = 4;
        float[] a = random(m * n);
        float[] b = random(m * n);
        float s = -0.75f;
        float[][] expected = new float[11][m * n];
        for (int i = 0; i < m * n; i++) {
            expected[ADD][i] = a[i] + b[i];
            expected[SUB][i] = a[i] - b[i];
            expected[MUL][i] = a[i] * b[i];
            expected[SCALE][i] = s * a[i];
            expected[RELU][i] = Math.max(a[i], 0f);
            expected[RELU_GRAD][i] = b[i] > 0 ? a[i] : 0f;
            expected[ADD_ROW][i] = a[i] + b[i % n];
            expected[AXPY][i] = s * a[i] + b[i];
        }
        for (int op : new int[] {ADD, SUB, MUL, SCALE, RELU, RELU_GRAD, ADD_ROW, AXPY}) {
            assertArrayEquals("opcode " + op, expected[op], run(op, m, n, 0, s, a, b, m * n), 0f);
        }
        float[] sums = new float[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                sums[j] += a[i * n + j];
            }
        }
        assertArrayEquals("SUM_ROWS", sums, run(SUM_ROWS, m, n, 0, 0, a, b, n), 0f);
    }

    @Test
    public void durationCyclesAndStatus() {
        hbm.writeFloats(A, random(64 * 64));
        stage(MATMUL, 64, 32, 64, 0);
        long start = f.bus.deviceTimeNanos();
        f.bus.write32(SUBMIT, 1);
        assertEquals("running, queue empty", BUSY, f.bus.read32(QUEUE_STATUS));
        met(f.bus.await(QUEUE_STATUS, BUSY, 0, MS));
        long nanos = 64 * 32 * 64 / 1024 + 50;
        assertEquals(10 + nanos + 10, f.bus.deviceTimeNanos() - start);
        assertEquals(nanos, f.bus.read64(CYCLES));
        assertEquals(1, f.bus.read32(TENSOR_INT_STATUS));
        assertEquals(IRQ_TENSOR, f.bus.read32(PENDING) & IRQ_TENSOR);
    }

    @Test
    public void sixteenQueueAndTheSeventeenthOverflows() {
        stage(ADD, 256, 256, 0, 0);
        for (int i = 0; i < 17; i++) {
            f.bus.write32(SUBMIT, 1);
        }
        assertEquals("one running, sixteen queued, full", BUSY | FULL | 16, f.bus.read32(QUEUE_STATUS));
        f.bus.write32(SUBMIT, 1);
        assertEquals("queue overflow", 3, f.bus.read32(TENSOR_ERR_CODE));
        assertEquals(2, f.bus.read32(TENSOR_INT_STATUS) & 2);
        met(f.bus.await(DONE_COUNT, -1, 17, MS));
        assertEquals(0, f.bus.read32(QUEUE_STATUS));
    }

    @Test
    public void badCommandsAreDroppedWithTheirCode() {
        int[][] cases = {
            {11, 2, 2, 2, 1}, // bad opcode
            {MATMUL, 2, 2, 0, 5}, // K = 0
            {ADD, 0, 2, 0, 5}, // M = 0
        };
        for (int[] c : cases) {
            stage(c[0], c[1], c[2], c[3], 0);
            f.bus.write32(SUBMIT, 1);
            assertEquals("opcode " + c[0], c[4], f.bus.read32(TENSOR_ERR_CODE));
        }
        stage(ADD, 4, 4, 0, 0);
        f.bus.write64(CMD_C, (256L << 20) - 32);
        f.bus.write32(SUBMIT, 1);
        assertEquals("C past the end of HBM", 2, f.bus.read32(TENSOR_ERR_CODE));
        f.bus.write64(CMD_C, C + 2);
        f.bus.write32(SUBMIT, 1);
        assertEquals("misaligned", 2, f.bus.read32(TENSOR_ERR_CODE));
        assertEquals("nothing completed", 0, f.bus.read32(DONE_COUNT));
        assertEquals(0, f.bus.read32(QUEUE_STATUS));

        f.bus.write32(BLOCK_RESET, HBM_BIT);
        f.bus.write64(CMD_C, C);
        f.bus.write32(SUBMIT, 1);
        assertEquals("HBM not ready", 4, f.bus.read32(TENSOR_ERR_CODE));
    }

    @Test
    public void nothingRunsWhileTheEngineIsInReset() {
        f.bus.write32(BLOCK_RESET, TENSOR_BIT);
        stage(ADD, 2, 2, 0, 0);
        f.bus.write32(SUBMIT, 1);
        assertEquals(0, f.bus.read32(QUEUE_STATUS));
        f.chip.clock().advance(10_000);
        assertEquals(0, f.bus.read32(DONE_COUNT));
    }
}
