package io.halcyon.platform.chipmodel;

import java.util.List;
import java.util.Objects;

/**
 * One register, as SystemRDL describes it.
 *
 * @param path path within the block, array indices included ({@code CH[2].HEAD}); within a memory's
 *     record, the virtual register's name ({@code DESC_CONTROL})
 * @param offset byte offset from the block's base (in a memory's record: from the record's start)
 * @param width regwidth in bits
 * @param accessWidth accesswidth in bits
 * @param msb0 true when the description numbers bits from the most significant end
 * @param aliasOf path of the primary register whose storage this alias shares; null for a primary
 * @param external true for an {@code external} register (implemented outside the register block)
 * @param fields in bit order
 */
public record RegisterSpec(String path, long offset, int width, int accessWidth, boolean msb0, String aliasOf,
        boolean external, List<FieldSpec> fields) {

    public RegisterSpec {
        Objects.requireNonNull(path, "path");
        fields = List.copyOf(fields);
    }

    /** The field with this name. */
    public FieldSpec field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(path + " has no field " + name));
    }

    public int bytes() {
        return width / 8;
    }

    /**
     * A read changes something: a readable field clears, sets or acts on read, or the register is
     * external, whose read the description cannot vouch for (FIFOs are usually external).
     */
    public boolean readHasSideEffects() {
        return external || fields.stream().anyMatch(f -> f.softwareReadable() && f.onRead() != null);
    }

    /**
     * Whether the register can legitimately read all ones, as the description tells: every bit belongs to a
     * readable field whose value can change (software or hardware writes it) or whose constant reset has the
     * bit set. A reserved bit, a write-only field (it reads 0) or a constant 0 bit cannot read 1, so an
     * all-ones read of such a register means the device did not answer (PCI returns all ones for a read that
     * no device completes). An external register is not vouched for by the description, so it may.
     */
    public boolean canReadAllOnes() {
        if (external) {
            return true;
        }
        long ones = 0;
        for (FieldSpec f : fields) {
            if (!f.softwareReadable()) {
                continue;
            }
            boolean changes = f.sw().contains("w") || f.hw().contains("w") || f.counter() != null || f.reset() == null;
            ones |= changes ? f.mask() : f.reset() << f.lsb() & f.mask();
        }
        return ones == (width >= 64 ? -1L : (1L << width) - 1);
    }
}
