package io.halcyon.platform.emulation.regfile;

/**
 * The hardware side of one field, resolved once by path so behaviour models (PLLs, DMA, engines) touch
 * fields without string lookups. Hardware writes bypass software semantics (a hardware update of an
 * sw=r status field is exactly what the model is for). Values are right-aligned; a value wider than
 * the field is a model bug and fails loudly.
 */
public final class FieldHandle {

    private final Field field;
    private final FieldStorage storage;

    FieldHandle(Field field, FieldStorage storage) {
        this.field = field;
        this.storage = storage;
    }

    public String path() {
        return field.path;
    }

    public int width() {
        return field.width;
    }

    public long get() {
        return storage.get(field.slot);
    }

    /** Hardware writes the field (next value with hw write enabled). */
    public void set(long value) {
        if ((value & ~field.ones) != 0) {
            throw new IllegalArgumentException(field.path + " is " + field.width + " bits wide; 0x"
                    + Long.toHexString(value) + " does not fit");
        }
        storage.set(field.slot, value);
    }

    public void set(boolean bit) {
        set(bit ? 1 : 0);
    }

    /** hwset: every bit of the field sets. */
    public void hwSet() {
        storage.set(field.slot, field.ones);
    }

    /** hwclr: the field clears. */
    public void hwClear() {
        storage.set(field.slot, 0);
    }

    /** Counter increment by {@code step}: wraps at the field's width, or stops at incrsaturate when given. */
    public void increment(long step) {
        long old = storage.get(field.slot);
        long next = (old + step) & field.ones;
        boolean passed = Long.compareUnsigned(field.incrLimit - old, step) < 0;
        storage.set(field.slot, field.incrSaturates && passed ? field.incrLimit : next);
    }

    /** Counter decrement by {@code step}: wraps, or stops at decrsaturate when given. */
    public void decrement(long step) {
        long old = storage.get(field.slot);
        long next = (old - step) & field.ones;
        boolean passed = Long.compareUnsigned(old - field.decrLimit, step) < 0;
        storage.set(field.slot, field.decrSaturates && passed ? field.decrLimit : next);
    }

    @Override
    public String toString() {
        return field.path + " = 0x" + Long.toHexString(get());
    }
}
