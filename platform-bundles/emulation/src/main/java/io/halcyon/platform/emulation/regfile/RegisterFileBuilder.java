package io.halcyon.platform.emulation.regfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.Node;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * Turns an elaborated address map into a {@link RegisterFileModel}: the one place that reads the
 * compiler's model, so the runtime classes never see it. Storage slots go to primary registers'
 * fields first; alias registers then point their fields at the primary's slots (matched by field
 * name, as the standard requires alias fields to be fields of the primary).
 */
public final class RegisterFileBuilder {

    private RegisterFileBuilder() {
    }

    /** The whole top address map, offsets from the top's address. */
    public static RegisterFileModel build(ElaboratedModel model) {
        return build(model, model.top());
    }

    /**
     * One address map of the model (the top or one below it), offsets from its address: the block's
     * model for a chip whose blocks are sub-addrmaps.
     */
    public static RegisterFileModel build(ElaboratedModel model, AddrmapNode map) {
        String root = map.path();
        long base = map.absoluteAddress();
        List<RegNode> regs = model.registers().stream().filter(r -> under(root, r)).toList();

        Map<String, Integer> slotByFieldPath = new HashMap<>();
        List<Long> resets = new ArrayList<>();
        for (RegNode r : regs) {
            if (r.aliasOf() == null) {
                for (FieldNode f : r.fields()) {
                    slotByFieldPath.put(f.path(), resets.size());
                    resets.add(f.reset() != null ? f.reset() & ones(f.width()) : 0L);
                }
            }
        }
        FieldStorage storage = new FieldStorage(resets.stream().mapToLong(Long::longValue).toArray());

        List<Register> registers = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (RegNode r : regs) {
            List<Field> own = new ArrayList<>();
            for (FieldNode f : r.fields()) {
                Integer slot = slotByFieldPath.get(storagePath(r, f));
                if (slot == null) {
                    throw new IllegalArgumentException(f.path() + ": alias field has no field " + f.instName()
                            + " in primary " + r.aliasOf());
                }
                own.add(field(relative(root, f), f, slot, r.msb0()));
            }
            Field[] array = own.toArray(new Field[0]);
            registers.add(new Register(relative(root, r), r.absoluteAddress() - base, r.width(), r.accessWidth(), array,
                    storage));
            fields.addAll(own);
        }

        List<Memory> memories = new ArrayList<>();
        for (MemNode m : model.memories()) {
            if (under(root, m)) {
                int stride = (int) (m.size() / m.entries());
                memories.add(new Memory(relative(root, m), m.absoluteAddress() - base, m.entries(), m.width(), stride,
                        SwAccess.of(m.sw())));
            }
        }
        RegisterFileModel file = new RegisterFileModel(root, map.size(), storage, registers, fields, memories);
        CounterWiring.wire(model, root, file, regs);
        return file;
    }

    private static Field field(String path, FieldNode f, int slot, boolean msb0) {
        return new Field(path, f.lsb(), f.width(), slot, SwAccess.of(f.sw()), OnRead.of(f.onread()),
                OnWrite.of(f.onwrite()), f.singlepulse(), msb0, saturation(f.properties().get("incrsaturate"), f, true),
                saturation(f.properties().get("decrsaturate"), f, false));
    }

    /** incrsaturate/decrsaturate: true saturates at the end of the range, a number at that value. */
    private static Long saturation(Object value, FieldNode f, boolean up) {
        if (value instanceof Boolean b) {
            return b ? (up ? ones(f.width()) : 0L) : null;
        }
        return value instanceof Long l ? l : null;
    }

    private static String storagePath(RegNode r, FieldNode f) {
        return r.aliasOf() == null ? f.path() : r.aliasOf() + "." + f.instName();
    }

    private static boolean under(String root, Node n) {
        return n.path().startsWith(root + ".");
    }

    private static String relative(String root, Node n) {
        return n.path().substring(root.length() + 1);
    }

    private static long ones(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }
}
