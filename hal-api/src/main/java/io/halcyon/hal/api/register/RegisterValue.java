package io.halcyon.hal.api.register;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An immutable value of one register, as read from or to be written to the hardware. Implemented by
 * generated code (hence a consumer type: adding a method here breaks every generated block).
 */
@ConsumerType
public interface RegisterValue {

    /** All bits of the value, zero-extended to 64 bits; reserved bits included as held. */
    long rawBits();
}
