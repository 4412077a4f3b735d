package io.halcyon.platform.emulation;

import static io.halcyon.platform.emulation.ChipFixture.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.Test;

/**
 * MATMUL_BF16 (opcode 11): bfloat16 operands, fp32 result, bit-exact against a reference written from the
 * opcode's description (each product exact in fp32, summed in k order from 0). Only generation 2's engine
 * decodes it (its FEATURES.BF16_MATMUL is 1); generation 1's refuses it with BAD_OPCODE.
 */
public class Bf16MatmulModelTest {

    private static final int MATMUL_BF16 = 11;
    private static final int BAD_OPCODE = 1;
    private static final long FEATURES = TENSOR + 0x48;
    private static final long A = 0x1000, B = 0x2000, C = 0x3000;

    private final Random random = new Random(7);

    /** Random bfloat16 bit patterns of finite values in about [-4, 4]. */
    private short[] bf16(int count) {
        short[] v = new short[count];
        for (int i = 0; i < count; i++) {
            v[i] = (short) (Float.floatToRawIntBits(random.nextFloat() * 8 - 4) >>> 16);
        }
        return v;
    }

    private static float widen(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    private static void write(ChipFixture f, long address, short[] values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : values) {
            b.putShort(v);
        }
        f.chip.deviceMemory().write(address, b.flip());
    }

    private static int submit(ChipFixture f, int m, int n, int k) {
        int before = f.bus.read32(DONE_COUNT);
        f.stageTensor(MATMUL_BF16, A, B, C, m, n, k, 0f);
        f.bus.write32(SUBMIT, 1);
        return before;
    }

    @Test
    public void generationTwoMultipliesBf16MatricesBitExactly() {
        ChipFixture f = new ChipFixture("reference_gen2").ready();
        assertEquals("the chip map's per-chip feature bit", 1, f.bus.read32(FEATURES));
        int m = 6, n = 5, k = 9;
        short[] a = bf16(m * k);
        short[] b = bf16(k * n);
        write(f, A, a);
        write(f, B, b);
        int before = submit(f, m, n, k);
        met(f.bus.await(DONE_COUNT, -1, before + 1, MS));
        assertEquals("no error", 0, f.bus.read32(TENSOR_ERR_CODE));
        int[] expected = new int[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    double exact = (double) widen(a[i * k + p]) * widen(b[p * n + j]);
                    float product = widen(a[i * k + p]) * widen(b[p * n + j]);
                    assertEquals("a product of two bfloat16 values is exact in fp32", exact, product, 0.0);
                    sum += product;
                }
                expected[i * n + j] = Float.floatToRawIntBits(sum);
            }
        }
        float[] c = f.chip.deviceMemory().readFloats(C, m * n);
        int[] actual = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            actual[i] = Float.floatToRawIntBits(c[i]);
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    public void generationOneRefusesTheOperationAsABadOpcode() {
        ChipFixture f = new ChipFixture().ready();
        assertEquals(0, f.bus.read32(FEATURES));
        int before = submit(f, 2, 2, 2);
        met(f.bus.await(TENSOR_INT_STATUS, 2, 2, MS));
        assertEquals(BAD_OPCODE, f.bus.read32(TENSOR_ERR_CODE));
        assertEquals("nothing completed", before, f.bus.read32(DONE_COUNT));
    }
}
