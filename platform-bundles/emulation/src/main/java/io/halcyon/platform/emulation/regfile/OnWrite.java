package io.halcyon.platform.emulation.regfile;

/**
 * Write semantics of a field (SystemRDL 2.0 {@code onwrite}, Table 14): the field's next value from its
 * current value and the written data, both right-aligned and limited to the field's bits by the caller.
 */
public enum OnWrite {
    /** Plain write (no onwrite, or wuser: behaviour left to the user, modelled as a plain write). */
    WRITE {
        @Override
        long next(long old, long data, long ones) {
            return data;
        }
    },
    WOSET {
        @Override
        long next(long old, long data, long ones) {
            return old | data;
        }
    },
    WOCLR {
        @Override
        long next(long old, long data, long ones) {
            return old & ~data;
        }
    },
    WOT {
        @Override
        long next(long old, long data, long ones) {
            return old ^ data;
        }
    },
    WZS {
        @Override
        long next(long old, long data, long ones) {
            return old | ~data & ones;
        }
    },
    WZC {
        @Override
        long next(long old, long data, long ones) {
            return old & data;
        }
    },
    WZT {
        @Override
        long next(long old, long data, long ones) {
            return old ^ ~data & ones;
        }
    },
    WCLR {
        @Override
        long next(long old, long data, long ones) {
            return 0;
        }
    },
    WSET {
        @Override
        long next(long old, long data, long ones) {
            return ones;
        }
    };

    /** @param ones the field's all-ones value (its width's mask) */
    abstract long next(long old, long data, long ones);

    public static OnWrite of(String keyword) {
        if (keyword == null || keyword.equals("wuser")) {
            return WRITE;
        }
        return valueOf(keyword.toUpperCase(java.util.Locale.ROOT));
    }
}
