package io.halcyon.hal.api.sysctrl;

/** Capability bits a chip reports in its system-control block; {@link #bit()} is the bit number. */
public enum Capability {
    PCIE(0), HBM(1), DMA(2), TENSOR_ENGINE(3), TELEMETRY(4), ECC(5);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
