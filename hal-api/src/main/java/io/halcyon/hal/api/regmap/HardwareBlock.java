package io.halcyon.hal.api.regmap;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One hardware block of one chip instance: its name, where it sits in the chip's register space and
 * its registers. Registered as a service with the properties {@link #BLOCK} and
 * {@code halcyon.chip}.
 */
@ProviderType
public interface HardwareBlock {

    /** Service property: the block's name, e.g. {@code sysctrl}. */
    String BLOCK = "halcyon.block";

    /** Short lower-case name, unique on a chip, e.g. {@code sysctrl}. */
    String name();

    /** One line from the description's {@code desc}/{@code name}. */
    String description();

    /** Absolute address of the block's first register. */
    long baseAddress();

    /** Registers in address order. */
    List<RegisterInfo> registers();

    /** Memories in address order; none unless the block's description has {@code mem} components. */
    default List<MemoryInfo> memories() {
        return List.of();
    }

    /** The register with this name (case-insensitive), if the block has one. */
    default Optional<RegisterInfo> register(String name) {
        return registers().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
