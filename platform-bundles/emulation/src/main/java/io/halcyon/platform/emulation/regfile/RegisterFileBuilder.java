package io.halcyon.platform.emulation.regfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;

/**
 * Turns a block type of the chip model into a {@link RegisterFileModel}, offsets from the block's
 * base. Storage slots go to primary registers' fields first; alias registers then point their fields
 * at the primary's slots (matched by field name, as the standard requires alias fields to be fields of
 * the primary).
 */
public final class RegisterFileBuilder {

    private RegisterFileBuilder() {
    }

    public static RegisterFileModel build(BlockType type) {
        Map<String, Integer> slotByFieldPath = new HashMap<>();
        List<Long> resets = new ArrayList<>();
        for (RegisterSpec r : type.registers()) {
            if (r.aliasOf() == null) {
                for (FieldSpec f : r.fields()) {
                    slotByFieldPath.put(r.path() + "." + f.name(), resets.size());
                    resets.add(f.reset() != null ? f.reset() & f.ones() : 0L);
                }
            }
        }
        FieldStorage storage = new FieldStorage(resets.stream().mapToLong(Long::longValue).toArray());

        List<Register> registers = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (RegisterSpec r : type.registers()) {
            List<Field> own = new ArrayList<>();
            for (FieldSpec f : r.fields()) {
                String primary = r.aliasOf() == null ? r.path() : r.aliasOf();
                Integer slot = slotByFieldPath.get(primary + "." + f.name());
                if (slot == null) {
                    throw new IllegalArgumentException(type.name() + "." + r.path() + "." + f.name()
                            + ": alias field has no field " + f.name() + " in primary " + r.aliasOf());
                }
                own.add(field(r.path() + "." + f.name(), f, slot, r.msb0()));
            }
            registers.add(new Register(r.path(), r.offset(), r.width(), r.accessWidth(), own.toArray(new Field[0]), storage));
            fields.addAll(own);
        }

        List<Memory> memories = new ArrayList<>();
        for (MemorySpec m : type.memories()) {
            memories.add(new Memory(m.path(), m.offset(), m.entries(), m.width(), m.stride(), SwAccess.of(m.sw())));
        }
        RegisterFileModel file = new RegisterFileModel(type.name(), type.size(), storage, registers, fields, memories);
        CounterWiring.wire(type, file);
        return file;
    }

    private static Field field(String path, FieldSpec f, int slot, boolean msb0) {
        return new Field(path, f.lsb(), f.width(), slot, SwAccess.of(f.sw()), OnRead.of(f.onRead()), OnWrite.of(f.onWrite()),
                f.singlePulse(), msb0, f.incrSaturate(), f.decrSaturate());
    }
}
