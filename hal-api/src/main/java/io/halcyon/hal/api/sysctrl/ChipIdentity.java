package io.halcyon.hal.api.sysctrl;

/**
 * What a chip says about itself, read from its system-control registers.
 *
 * @param chipId the chip's 32-bit identification code
 * @param generation the chip generation (1 for the reference accelerator)
 * @param revision the silicon or model revision within a generation
 * @param capabilities capability bits, see {@link SystemControl#hasCapability}
 */
public record ChipIdentity(int chipId, int generation, int revision, long capabilities) {

    @Override
    public String toString() {
        return String.format("chip 0x%08x gen %d rev %d caps 0x%x", chipId, generation, revision, capabilities);
    }
}
