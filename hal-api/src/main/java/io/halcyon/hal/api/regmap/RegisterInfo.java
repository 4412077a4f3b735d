package io.halcyon.hal.api.regmap;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** One register of a {@link HardwareBlock}. */
@ProviderType
public interface RegisterInfo {

    /** Name as in the description, e.g. {@code SCRATCH}; array elements carry their index, {@code R[3]}. */
    String name();

    /** Byte offset from the block's base address. */
    long offset();

    /** Width in bits: 8, 16, 32 or 64. */
    int width();

    /** Value after reset, with undefined bits as 0. */
    long resetValue();

    /** One line from the description. */
    String description();

    /** Fields in bit order (lowest bit first); bits covered by no field are reserved. */
    List<FieldInfo> fields();

    /**
     * True for a SystemRDL {@code external} register: it is implemented outside the block's register
     * logic, so the description says nothing reliable about how it behaves.
     */
    default boolean external() {
        return false;
    }

    /**
     * For a SystemRDL {@code alias}: the name of the primary register whose storage this one shares
     * (a write through either is visible through both). Empty for ordinary registers.
     */
    default Optional<String> aliasOf() {
        return Optional.empty();
    }

    /** True if reading the register changes the device (read-to-clear, read-to-set, FIFO pop). */
    default boolean readHasSideEffects() {
        return fields().stream().anyMatch(f -> f.onRead() != ReadEffect.NONE);
    }

    /** Bits covered by fields; the rest are reserved. */
    default long definedBits() {
        long mask = 0;
        for (FieldInfo f : fields()) {
            mask |= f.mask();
        }
        return mask;
    }

    /** The field with this name (case-insensitive), if any. */
    default Optional<FieldInfo> field(String name) {
        return fields().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }
}
