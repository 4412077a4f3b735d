package io.halcyon.hal.api.regmap;

import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

/** One field of a {@link RegisterInfo}: bits {@code lsb..msb} inclusive. */
@ProviderType
public interface FieldInfo {

    String name();

    /** Lowest bit, counted from bit 0 of the register. */
    int lsb();

    /** Highest bit, inclusive. */
    int msb();

    /** Software access, as SystemRDL's {@code sw} property. */
    Access software();

    /** Hardware access, as SystemRDL's {@code hw} property. */
    Access hardware();

    /** What a software read does besides returning the value. */
    ReadEffect onRead();

    /** What a software write does with the written value. */
    WriteEffect onWrite();

    /** Value after reset, if the description gives one. */
    OptionalLong reset();

    /** True for SystemRDL {@code singlepulse}: a written 1 lasts one cycle, the field reads 0. */
    boolean singlePulse();

    /** One line from the description. */
    String description();

    default int width() {
        return msb() - lsb() + 1;
    }

    /** The field's bits in place within the register. */
    default long mask() {
        return (width() == 64 ? -1L : (1L << width()) - 1) << lsb();
    }

    /** This field's value within a register value, shifted down to bit 0. */
    default long extract(long registerValue) {
        return (registerValue & mask()) >>> lsb();
    }
}
