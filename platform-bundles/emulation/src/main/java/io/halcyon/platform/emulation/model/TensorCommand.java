package io.halcyon.platform.emulation.model;

/**
 * One staged tensor-engine command, as the CMD_* registers held it when software wrote SUBMIT.GO.
 * Operand extents follow the opcode's semantics in tensor.rdl.
 */
record TensorCommand(int opcode, boolean transA, boolean transB, long a, long b, long c, int m, int n, int k,
        float scalar) {

    static final int NOP = 0;
    static final int MATMUL = 1;
    static final int ADD = 2;
    static final int SUB = 3;
    static final int MUL = 4;
    static final int SCALE = 5;
    static final int RELU = 6;
    static final int RELU_GRAD = 7;
    static final int ADD_ROW = 8;
    static final int SUM_ROWS = 9;
    static final int AXPY = 10;
    static final int MATMUL_BF16 = 11;

    boolean knownOpcode() {
        return opcode >= NOP && opcode <= MATMUL_BF16;
    }

    /** MATMUL and MATMUL_BF16: the same extents and order, operands of another width. */
    boolean multipliesMatrices() {
        return opcode == MATMUL || opcode == MATMUL_BF16;
    }

    /** Bytes per element of A and B: bfloat16 for MATMUL_BF16, else fp32 (C is always fp32). */
    int operandBytes() {
        return opcode == MATMUL_BF16 ? 2 : 4;
    }

    boolean dimensionsValid() {
        return opcode == NOP || m > 0 && n > 0 && (!multipliesMatrices() || k > 0);
    }

    /** Elements of A read; 0 when the opcode reads no A. */
    long aElements() {
        return switch (opcode) {
            case NOP -> 0;
            case MATMUL, MATMUL_BF16 -> (long) m * k;
            default -> (long) m * n;
        };
    }

    /** Elements of B read; 0 when the opcode reads no B. */
    long bElements() {
        return switch (opcode) {
            case MATMUL, MATMUL_BF16 -> (long) k * n;
            case ADD, SUB, MUL, RELU_GRAD, AXPY -> (long) m * n;
            case ADD_ROW -> n;
            default -> 0;
        };
    }

    /** Elements of C written. */
    long cElements() {
        return switch (opcode) {
            case NOP -> 0;
            case SUM_ROWS -> n;
            default -> (long) m * n;
        };
    }

    /** Device time the engine spends on it: MATMUL m*n*k/1024 ns, element-wise m*n/64 ns, plus a fixed cost. */
    long nanos() {
        long work = switch (opcode) {
            case NOP -> 0;
            case MATMUL, MATMUL_BF16 -> (long) m * n * k / 1024;
            default -> (long) m * n / 64;
        };
        return work + TensorBehaviour.COMMAND_OVERHEAD_NANOS;
    }
}
