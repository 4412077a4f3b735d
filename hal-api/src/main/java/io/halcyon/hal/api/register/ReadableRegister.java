package io.halcyon.hal.api.register;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A readable register at its absolute address, typed by its value: what a {@link RegisterBatch} and
 * a {@link FieldCondition} need. Implemented by the register accessors generated from a block's
 * description (hence a consumer type).
 *
 * @param <V> the register's value type
 */
@ConsumerType
public interface ReadableRegister<V extends RegisterValue> {

    /** The register's absolute address. */
    long address();

    /** Width in bits: 32 or 64. */
    int width();

    /** The register's place in the chip for messages: block instance, register, indices ({@code dma.CH[2].HEAD}). */
    String path();

    /** The value with exactly these bits (the low {@link #width()} bits of {@code bits}). */
    V fromBits(long bits);

    /** A field's place for messages, {@code pcie.LINK_CTRL.TARGET_SPEED}. */
    default String path(RegisterField<V> field) {
        return path() + "." + field.name();
    }
}
