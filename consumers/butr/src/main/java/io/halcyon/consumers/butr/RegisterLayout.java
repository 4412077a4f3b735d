package io.halcyon.consumers.butr;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.regmap.WriteEffect;

/**
 * What the description says about one register that every check needs: which bits hold what software
 * wrote (and can be compared), which are reserved, and what to write so that only the bits under test
 * change. Derived from the register map alone.
 */
final class RegisterLayout {

    final String block;
    final RegisterInfo register;
    final long address;
    final int width;
    /** Bits of fields whose read value is what was last written or a constant: safe to compare. */
    final long stable;
    final long reserved;

    RegisterLayout(String block, long base, RegisterInfo register) {
        this.block = block;
        this.register = register;
        this.address = base + register.offset();
        this.width = register.width();
        long s = 0;
        for (FieldInfo f : register.fields()) {
            if (holdsItsValue(f)) {
                s |= f.mask();
            }
        }
        this.stable = s;
        this.reserved = Bits.ones(width) & ~register.definedBits();
    }

    /** Readable, stores what is written (or is constant), and neither hardware nor the description says otherwise. */
    static boolean holdsItsValue(FieldInfo f) {
        return f.software().readable() && !f.hardwareUpdated() && !f.dontCompare() && !f.dontTest()
                && f.onWrite() == WriteEffect.NONE && !f.singlePulse() && f.onRead() == ReadEffect.NONE;
    }

    /** A plain read/write field whose bits can be flipped one by one. */
    static boolean bashable(FieldInfo f) {
        return holdsItsValue(f) && f.software() == Access.RW && !f.writeEnabledByHardware();
    }

    /**
     * The value to write so that the bits in {@code mask} become {@code value} and nothing else acts:
     * fields with a neutral write (W1C, W0C, single pulse, ...) get it, the others what {@code current}
     * read, reserved bits 0.
     */
    long compose(long current, long mask, long value) {
        long out = 0;
        for (FieldInfo f : register.fields()) {
            long bits = f.neutralWrite().isPresent() ? f.neutralWrite().getAsLong() << f.lsb() : current;
            out |= bits & f.mask();
        }
        return (out & ~mask) | (value & mask);
    }

    /** The field that holds {@code bit}, for naming it, or null for a reserved bit. */
    FieldInfo fieldAt(int bit) {
        for (FieldInfo f : register.fields()) {
            if (bit >= f.lsb() && bit <= f.msb()) {
                return f;
            }
        }
        return null;
    }

    long read(RegisterAccess access) {
        return access.read(address, width);
    }

    void write(RegisterAccess access, long value) {
        access.write(address, width, value & Bits.ones(width));
    }
}
