package io.halcyon.platform.emulation.model;

/**
 * The tensor engine's arithmetic on fp32 row-major tensors. Every loop runs in one fixed order and
 * accumulates in float (MATMUL in k order from 0.0f, SUM_ROWS in row order), and Java float arithmetic
 * is strict, so results are the same bit for bit on every run and every machine.
 */
final class TensorKernels {

    private TensorKernels() {
    }

    /** C = op(A) x op(B); A is MxK (stored KxM when transposed), B is KxN (stored NxK when transposed). */
    static float[] matmul(float[] a, float[] b, int m, int n, int k, boolean transA, boolean transB) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    float x = transA ? a[p * m + i] : a[i * k + p];
                    float y = transB ? b[j * k + p] : b[p * n + j];
                    sum += x * y;
                }
                c[i * n + j] = sum;
            }
        }
        return c;
    }

    /** The element-wise opcodes (everything but NOP and MATMUL) over M x N. */
    static float[] elementWise(int opcode, float[] a, float[] b, int m, int n, float scalar) {
        return switch (opcode) {
            case TensorCommand.ADD -> map(a, b, (x, y) -> x + y);
            case TensorCommand.SUB -> map(a, b, (x, y) -> x - y);
            case TensorCommand.MUL -> map(a, b, (x, y) -> x * y);
            case TensorCommand.SCALE -> map(a, a, (x, y) -> scalar * x);
            case TensorCommand.RELU -> map(a, a, (x, y) -> x > 0f ? x : 0f);
            case TensorCommand.RELU_GRAD -> map(a, b, (x, y) -> y > 0f ? x : 0f);
            case TensorCommand.AXPY -> map(a, b, (x, y) -> scalar * x + y);
            case TensorCommand.ADD_ROW -> addRow(a, b, m, n);
            case TensorCommand.SUM_ROWS -> sumRows(a, m, n);
            default -> throw new IllegalArgumentException("opcode " + opcode + " is not element-wise");
        };
    }

    private interface FloatOp {
        float apply(float x, float y);
    }

    private static float[] map(float[] a, float[] b, FloatOp op) {
        float[] c = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = op.apply(a[i], b[i]);
        }
        return c;
    }

    private static float[] addRow(float[] a, float[] row, int m, int n) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = a[i * n + j] + row[j];
            }
        }
        return c;
    }

    private static float[] sumRows(float[] a, int m, int n) {
        float[] c = new float[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[j] += a[i * n + j];
            }
        }
        return c;
    }
}
