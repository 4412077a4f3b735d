package io.halcyon.platform.emulation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.halcyon.hal.api.bus.SlaveErrorException;

/**
 * Register-level faults injected into the emulated chip's access path, for proving that register tests
 * catch them: each is scoped to one 32-bit word (and a bit where that applies) and sits between the
 * bus and the blocks, so the model behind it stays correct and {@link #clear()} restores a sound chip.
 * Callers hold the chip's lock (the bus serialises on the chip), so the list needs no lock of its own.
 */
public final class RegisterFaults {

    /** The fault classes. */
    public enum Kind {
        /** A read bit is always 0. */
        STUCK_AT_0,
        /** A read bit is always 1. */
        STUCK_AT_1,
        /** Until the first write to the word, the masked bits read a wrong value instead of their reset value. */
        WRONG_RESET,
        /** Writes to the word also land at a second address (a decoder that ignores an address bit). */
        ALIAS,
        /** Writes to the word are accepted and dropped. */
        DROPPED_WRITE,
        /** Every access to the word ends with a slave error. */
        BUS_ERROR,
        /** A write-one-to-clear bit stores what is written, as a plain read-write bit. */
        W1C_AS_RW
    }

    /** One injected fault. {@code bit} is -1 where the fault covers the word; {@code value} is the wrong reset value or the alias address. */
    public record Fault(Kind kind, long address, int bit, long mask, long value) {
        public String describe() {
            String where = String.format("0x%08x", address) + (bit >= 0 ? " bit " + bit : "");
            return switch (kind) {
                case WRONG_RESET -> kind.name().toLowerCase(Locale.ROOT) + " at " + where
                        + String.format(": bits 0x%08x read 0x%08x until written", mask, value);
                case ALIAS -> "alias: writes to " + where + String.format(" also land at 0x%08x", value);
                default -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " at " + where;
            };
        }
    }

    /** Writes a word as the chip does, without faults (for aliases). */
    interface Target {
        void write32(long address, int value, String operation);
    }

    private final List<Fault> faults = new ArrayList<>();
    private final List<Integer> w1cStored = new ArrayList<>();
    private boolean[] wrongResetArmed = new boolean[0];

    public RegisterFaults stuckAt(long address, int bit, int value) {
        checkBit(bit);
        return add(new Fault(value == 0 ? Kind.STUCK_AT_0 : Kind.STUCK_AT_1, word(address), bit, 1L << bit, 0));
    }

    public RegisterFaults wrongReset(long address, long mask, long value) {
        return add(new Fault(Kind.WRONG_RESET, word(address), -1, mask & 0xFFFF_FFFFL, value & mask & 0xFFFF_FFFFL));
    }

    public RegisterFaults alias(long address, long alsoWrites) {
        return add(new Fault(Kind.ALIAS, word(address), -1, 0, word(alsoWrites)));
    }

    public RegisterFaults dropWrites(long address) {
        return add(new Fault(Kind.DROPPED_WRITE, word(address), -1, 0, 0));
    }

    public RegisterFaults busError(long address) {
        return add(new Fault(Kind.BUS_ERROR, word(address), -1, 0, 0));
    }

    public RegisterFaults w1cAsRw(long address, int bit) {
        checkBit(bit);
        return add(new Fault(Kind.W1C_AS_RW, word(address), bit, 1L << bit, 0));
    }

    /** Removes every fault. */
    public RegisterFaults clear() {
        faults.clear();
        w1cStored.clear();
        wrongResetArmed = new boolean[0];
        return this;
    }

    public List<Fault> list() {
        return List.copyOf(faults);
    }

    /** Before a read reaches the blocks: a bus error stops it with no side effect. */
    void beforeRead(long address, String operation) {
        for (Fault f : faults) {
            if (f.address == address && f.kind == Kind.BUS_ERROR) {
                throw new SlaveErrorException(address, operation + ", injected fault");
            }
        }
    }

    /** What the bus sees of a value the blocks returned. */
    int afterRead(long address, int value) {
        long v = Integer.toUnsignedLong(value);
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.address != address) {
                continue;
            }
            switch (f.kind) {
                case STUCK_AT_0 -> v &= ~f.mask;
                case STUCK_AT_1 -> v |= f.mask;
                case WRONG_RESET -> v = wrongResetArmed[i] ? (v & ~f.mask) | f.value : v;
                case W1C_AS_RW -> {
                    Integer stored = w1cStored.get(i);
                    v = stored == null ? v : (v & ~f.mask) | ((long) stored << f.bit);
                }
                default -> { }
            }
        }
        return (int) v;
    }

    /** Before a write reaches the blocks; false when the write is dropped. */
    boolean beforeWrite(long address, int value, String operation) {
        boolean land = true;
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.address != address) {
                continue;
            }
            switch (f.kind) {
                case BUS_ERROR -> throw new SlaveErrorException(address, operation + ", injected fault");
                case DROPPED_WRITE -> land = false;
                case WRONG_RESET -> wrongResetArmed[i] = false;
                case W1C_AS_RW -> w1cStored.set(i, value >>> f.bit & 1);
                default -> { }
            }
        }
        return land;
    }

    /** After a write landed: aliases get it too. */
    void afterWrite(long address, int value, String operation, Target chip) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.address == address && f.kind == Kind.ALIAS) {
                chip.write32(f.value, value, operation);
            }
        }
    }

    boolean any() {
        return !faults.isEmpty();
    }

    private RegisterFaults add(Fault f) {
        faults.add(f);
        w1cStored.add(null);
        boolean[] armed = java.util.Arrays.copyOf(wrongResetArmed, faults.size());
        armed[faults.size() - 1] = f.kind == Kind.WRONG_RESET;
        wrongResetArmed = armed;
        return this;
    }

    private static long word(long address) {
        if ((address & 3) != 0) {
            throw new IllegalArgumentException(String.format("fault address 0x%x is not 4-byte aligned", address));
        }
        return address;
    }

    private static void checkBit(int bit) {
        if (bit < 0 || bit > 31) {
            throw new IllegalArgumentException("fault bit " + bit + " is outside a 32-bit word (0..31)");
        }
    }
}
