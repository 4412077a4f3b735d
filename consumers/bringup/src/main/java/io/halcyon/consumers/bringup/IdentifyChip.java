package io.halcyon.consumers.bringup;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.sysctrl.Capability;
import io.halcyon.hal.api.sysctrl.ChipIdentity;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * Makes sure the chip is the one this sequence is written for before anything is written to it:
 * the reference accelerator, generation 1, with the blocks bring-up and workloads need. Only reads.
 */
final class IdentifyChip extends Step.Check {

    static final String NAME = "identify-chip";
    /** ASCII 'HLCY', the reference accelerator's CHIP_ID. */
    static final int REFERENCE_CHIP_ID = 0x484C_4359;
    static final int GENERATION = 1;
    static final Set<Capability> REQUIRED = EnumSet.of(Capability.PCIE, Capability.HBM, Capability.DMA, Capability.TENSOR_ENGINE);

    private final SystemControl sysctrl;
    private final PlatformInfo platform;

    IdentifyChip(SystemControl sysctrl, PlatformInfo platform) {
        super(NAME);
        this.sysctrl = sysctrl;
        this.platform = platform;
    }

    @Override
    Optional<String> endState() {
        ChipIdentity id = sysctrl.identity();
        if (id.chipId() != REFERENCE_CHIP_ID || id.generation() != GENERATION) {
            throw new IllegalStateException(String.format(
                    "sysctrl.CHIP_ID/VERSION: %s is not the reference accelerator (chip 0x%08x gen %d)",
                    id, REFERENCE_CHIP_ID, GENERATION));
        }
        Set<Capability> missing = REQUIRED.stream()
                .filter(c -> (id.capabilities() & (1L << c.bit())) == 0)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class)));
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.format("sysctrl.CAPABILITIES: 0x%x lacks %s", id.capabilities(), missing));
        }
        return Optional.of(id + " on " + platform.kind().name().toLowerCase());
    }
}
