package io.halcyon.consumers.training;

/**
 * Where each parameter sits in the packed parameter vector: W1 (inputs x hidden, row-major), b1
 * (hidden), W2 (hidden x 1), b2 (1). Gradients use the same packing, so one AXPY updates every
 * parameter and one DMA brings all weights back.
 */
record ModelShape(int inputs, int hidden) {

    int w1() {
        return 0;
    }

    int b1() {
        return inputs * hidden;
    }

    int w2() {
        return b1() + hidden;
    }

    int b2() {
        return w2() + hidden;
    }

    /** Parameters in the packed vector. */
    int count() {
        return b2() + 1;
    }
}
