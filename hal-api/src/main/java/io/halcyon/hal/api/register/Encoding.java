package io.halcyon.hal.api.register;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A member of a field encoding (SystemRDL {@code enum} used by {@code encode}): implemented by the
 * enums generated from a block's description, so messages and conditions can name the member and
 * say what it means.
 */
@ConsumerType
public interface Encoding {

    /** The member's name in the description, e.g. {@code ADDRESS_RANGE}. */
    String name();

    /** The field bits that stand for this member. */
    long value();

    /** The member's {@code desc} (else its display name, else its name), one line. */
    String description();
}
