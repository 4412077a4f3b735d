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
 * the reference accelerator, of a generation the sequence has been written for, with the blocks bring-up
 * and workloads need. Only reads. Generations 1 and 2 take the same steps: what differs between them (the
 * DMA engine's programming model) is behind the block contracts, served by each generation's driver.
 */
final class IdentifyChip extends Step.Check {

    static final String NAME = "identify-chip";
    /** ASCII 'HLCY', the reference accelerator's CHIP_ID. */
    static final int REFERENCE_CHIP_ID = 0x484C_4359;
    static final Set<Integer> GENERATIONS = Set.of(1, 2);
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
        if (id.chipId() != REFERENCE_CHIP_ID || !GENERATIONS.contains(id.generation())) {
            throw new IllegalStateException(String.format(
                    "sysctrl.CHIP_ID/VERSION: %s is not the reference accelerator (chip 0x%08x gen %s)",
                    id, REFERENCE_CHIP_ID, GENERATIONS.stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "))));
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
