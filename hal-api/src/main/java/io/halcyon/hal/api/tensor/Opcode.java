package io.halcyon.hal.api.tensor;

/** Tensor engine operations on fp32 row-major tensors in HBM; the numbers are the hardware encoding. */
public enum Opcode {
    /** C[MxN] = op(A)[MxK] x op(B)[KxN]. */
    MATMUL(1),
    /** C = A + B over M x N. */
    ADD(2),
    /** C = A - B. */
    SUB(3),
    /** C = A * B, element-wise. */
    MUL(4),
    /** C = scalar * A. */
    SCALE(5),
    /** C = max(A, 0). */
    RELU(6),
    /** C = A where B &gt; 0, else 0 (B is the ReLU input). */
    RELU_GRAD(7),
    /** C[i][j] = A[i][j] + B[j]. */
    ADD_ROW(8),
    /** C[j] = sum over i of A[i][j], M x N input, 1 x N output. */
    SUM_ROWS(9),
    /** C = scalar * A + B. */
    AXPY(10),
    /**
     * C[MxN] (fp32) = op(A)[MxK] x op(B)[KxN] with A and B in bfloat16 (2 bytes per element, row-major): each
     * product is exact in fp32 and the products are summed in k order from 0, so results are bit-exact.
     * Only on engines whose {@code FEATURES.BF16_MATMUL} reads 1 (generation 2); others refuse it.
     */
    MATMUL_BF16(11);

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** Whether the operation is a matrix multiply (it needs K and may transpose its operands). */
    public boolean multipliesMatrices() {
        return this == MATMUL || this == MATMUL_BF16;
    }

    /** The OPCODE field value. */
    public int code() {
        return code;
    }
}
