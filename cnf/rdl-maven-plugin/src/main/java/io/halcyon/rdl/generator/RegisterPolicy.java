package io.halcyon.rdl.generator;

/**
 * Which operations a register's accessor offers, and the bit masks its read-modify-write uses.
 * This is where "modify never writes back a 1 into a W1C bit" is decided; the writers only print it.
 */
final class RegisterPolicy {

    final boolean readable;
    final boolean writable;
    /** A read changes the device (rclr, rset, ruser, swacc/rd_swacc): read only on explicit request. */
    final boolean readSideEffect;
    /** Some field acts on every write (wclr, wset, wuser), so no write can leave the register alone. */
    final boolean everyWriteActs;
    /** Bits of fields that store what is written: a partial write must write back what was read. */
    final long storeMask;
    /** Bits of single-pulse fields: written as 0 unless the caller sets them. */
    final long pulseMask;
    /** Bits of write-1/write-0-to-act fields: always written at their neutral value by modify. */
    final long actMask;
    /** The neutral value of the acting bits: 1 for write-0-to-act fields, 0 otherwise. */
    final long actNeutral;
    final boolean hasSetters;

    RegisterPolicy(RegisterType reg) {
        boolean r = false, w = false, side = false, every = false, setters = false;
        long store = 0, pulse = 0, act = 0, neutral = 0;
        for (FieldModel f : reg.fields()) {
            r |= f.readable();
            side |= f.readSideEffect();
            WriteAction a = f.writeAction();
            w |= a != WriteAction.NONE;
            every |= a == WriteAction.EVERY_WRITE;
            setters |= a.settable();
            if (a == WriteAction.STORE) {
                store |= f.mask();
            } else if (a == WriteAction.PULSE) {
                pulse |= f.mask();
            } else if (a.acts()) {
                act |= f.mask();
                if (!a.activeHigh()) {
                    neutral |= f.mask();
                }
            }
        }
        this.readable = r;
        this.writable = w;
        this.readSideEffect = side;
        this.everyWriteActs = every;
        this.hasSetters = setters;
        this.storeMask = store;
        this.pulseMask = pulse;
        this.actMask = act;
        this.actNeutral = neutral;
    }

    /** read-modify-write is offered only when reading is harmless and some write can be neutral. */
    boolean hasModify() {
        return readable && !readSideEffect && !everyWriteActs && hasSetters;
    }

    /** A clear/set/toggle method must first read the register to keep its stored fields. */
    boolean actionNeedsRead() {
        return storeMask != 0;
    }

    /**
     * A clear/set/toggle method exists when its write acts on its field alone: no field acts on
     * every write, and the stored fields (if any) can be read back without side effects.
     */
    boolean hasActions() {
        return actMask != 0 && !everyWriteActs && (!actionNeedsRead() || (readable && !readSideEffect));
    }

    /** Bits modify hands to the caller at their neutral value: acting and single-pulse fields. */
    long neutralizedOnRead() {
        return actMask | pulseMask;
    }
}
