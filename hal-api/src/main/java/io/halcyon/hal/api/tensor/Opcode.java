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
    AXPY(10);

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The OPCODE field value. */
    public int code() {
        return code;
    }
}
