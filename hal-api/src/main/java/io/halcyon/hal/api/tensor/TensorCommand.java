package io.halcyon.hal.api.tensor;

/**
 * One tensor engine command. Addresses are HBM byte addresses of fp32 row-major tensors, 4-byte aligned.
 *
 * @param opcode the operation
 * @param a first operand
 * @param b second operand (ignored by SCALE, RELU, SUM_ROWS)
 * @param c result
 * @param m rows of C (of A for SUM_ROWS)
 * @param n columns of C
 * @param k inner dimension (MATMUL and MATMUL_BF16 only)
 * @param transposeA use A transposed (MATMUL and MATMUL_BF16 only)
 * @param transposeB use B transposed (MATMUL and MATMUL_BF16 only)
 * @param scalar the scalar of SCALE and AXPY
 */
public record TensorCommand(Opcode opcode, long a, long b, long c, int m, int n, int k,
        boolean transposeA, boolean transposeB, float scalar) {

    public TensorCommand {
        if (m <= 0 || n <= 0 || m > 0xFFFF || n > 0xFFFF || k < 0 || k > 0xFFFF || (opcode.multipliesMatrices() && k == 0)) {
            throw new IllegalArgumentException(String.format("bad dimensions for %s: m=%d n=%d k=%d (1..65535)", opcode, m, n, k));
        }
    }

    public static TensorCommand matmul(long a, boolean transposeA, long b, boolean transposeB, long c, int m, int n, int k) {
        return new TensorCommand(Opcode.MATMUL, a, b, c, m, n, k, transposeA, transposeB, 0f);
    }

    /** C (fp32) = op(A) x op(B) with A and B in bfloat16; see {@link Opcode#MATMUL_BF16}. */
    public static TensorCommand matmulBf16(long a, boolean transposeA, long b, boolean transposeB, long c, int m, int n, int k) {
        return new TensorCommand(Opcode.MATMUL_BF16, a, b, c, m, n, k, transposeA, transposeB, 0f);
    }

    /** An element-wise operation with two operands over M x N (ADD, SUB, MUL, RELU_GRAD, ADD_ROW). */
    public static TensorCommand binary(Opcode op, long a, long b, long c, int m, int n) {
        return new TensorCommand(op, a, b, c, m, n, 0, false, false, 0f);
    }

    /** An operation with one operand (RELU, SUM_ROWS). */
    public static TensorCommand unary(Opcode op, long a, long c, int m, int n) {
        return new TensorCommand(op, a, 0, c, m, n, 0, false, false, 0f);
    }

    public static TensorCommand scale(float scalar, long a, long c, int m, int n) {
        return new TensorCommand(Opcode.SCALE, a, 0, c, m, n, 0, false, false, scalar);
    }

    /** C = scalar * A + B. */
    public static TensorCommand axpy(float scalar, long a, long b, long c, int m, int n) {
        return new TensorCommand(Opcode.AXPY, a, b, c, m, n, 0, false, false, scalar);
    }
}
