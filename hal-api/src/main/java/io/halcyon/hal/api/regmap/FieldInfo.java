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

    /** True for SystemRDL {@code donttest}: the description keeps the field out of structural tests. */
    default boolean dontTest() {
        return false;
    }

    /**
     * True for SystemRDL {@code dontcompare}: the field may be read, but what it reads is not compared
     * with an expected value.
     */
    default boolean dontCompare() {
        return false;
    }

    /**
     * True when the hardware may change the field on its own (volatile in Linux regmap's words): it is
     * hardware-writable, a counter, an interrupt, or set/cleared by a hardware signal. A value read from
     * such a field says nothing about what software last wrote. Without more information this is
     * {@code hardware().writable()}.
     */
    default boolean hardwareUpdated() {
        return hardware().writable();
    }

    /**
     * True when a software write lands only while a hardware signal allows it (SystemRDL {@code swwe},
     * {@code swwel}), so whether a write takes effect is not up to software.
     */
    default boolean writeEnabledByHardware() {
        return false;
    }

    default int width() {
        return msb() - lsb() + 1;
    }

    /** The field's bits in place within the register. */
    default long mask() {
        return (width() == 64 ? -1L : (1L << width()) - 1) << lsb();
    }

    /**
     * The field value whose write leaves the field as it is, for read-modify-write of a register
     * that holds this field: 0 for write-one-to-act fields (woclr, woset, wot) and single-pulse
     * fields, all ones for write-zero-to-act fields (wzs, wzc, wzt). Empty when the field stores
     * what is written (write back the value read) or when every write acts (wclr, wset, wuser), in
     * which case a partial write of the register cannot leave the field alone.
     */
    default OptionalLong neutralWrite() {
        long ones = mask() >>> lsb();
        switch (onWrite()) {
            case WOCLR: case WOSET: case WOT:
                return OptionalLong.of(0);
            case WZS: case WZC: case WZT:
                return OptionalLong.of(ones);
            case NONE:
                return singlePulse() ? OptionalLong.of(0) : OptionalLong.empty();
            default:
                return OptionalLong.empty();
        }
    }

    /** This field's value within a register value, shifted down to bit 0. */
    default long extract(long registerValue) {
        return (registerValue & mask()) >>> lsb();
    }
}
