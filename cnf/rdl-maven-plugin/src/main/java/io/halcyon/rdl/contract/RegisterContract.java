package io.halcyon.rdl.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * What a driver of a block relies on in its register description: each register (array elements one by
 * one) at its offset with its width, and each field's bits and software and hardware access. Resets,
 * names of enumerations and descriptions are not in it: they change no address a driver uses or what it
 * may do there. Kept as text, one line per register and field, sorted, so a baseline is a file a
 * reviewer can read ({@code src/baseline/<block>.contract}).
 *
 * @param version the bundle version the contract was released with (the baseline's), or the one being built
 */
public record RegisterContract(String version, Map<String, Register> registers) {

    public record Register(long offset, int width, Map<String, Field> fields) {}

    public record Field(int lsb, int msb, String sw, String hw) {
        int width() {
            return msb - lsb + 1;
        }

        String bits() {
            return "[" + msb + ":" + lsb + "]";
        }
    }

    /** The contract of the block the model elaborates (its top address map). */
    public static RegisterContract of(ElaboratedModel model, String version) {
        String prefix = model.top().path() + ".";
        Map<String, Register> registers = new TreeMap<>();
        for (RegNode r : model.registers()) {
            String path = r.path().startsWith(prefix) ? r.path().substring(prefix.length()) : r.path();
            Map<String, Field> fields = new TreeMap<>();
            for (FieldNode f : r.fields()) {
                fields.put(f.instName(), new Field(f.lsb(), f.msb(), f.sw() == null ? "rw" : f.sw(), f.hw() == null ? "rw" : f.hw()));
            }
            registers.put(path, new Register(r.absoluteAddress() - model.top().absoluteAddress(), r.width(), fields));
        }
        return new RegisterContract(version, registers);
    }

    /** The text form: {@code version=1.0.0}, then {@code CTRL 0x0 32} per register and {@code CTRL.EN [0:0] sw=rw hw=r} per field. */
    public String text() {
        StringBuilder out = new StringBuilder("# register contract: offsets, widths, field bits and access; see README, Register contracts\n");
        out.append("version=").append(version).append('\n');
        registers.forEach((name, r) -> {
            out.append(name).append(" 0x").append(Long.toHexString(r.offset())).append(' ').append(r.width()).append('\n');
            r.fields().forEach((f, field) -> out.append(name).append('.').append(f).append(' ').append(field.bits()).append(" sw=")
                    .append(field.sw()).append(" hw=").append(field.hw()).append('\n'));
        });
        return out.toString();
    }

    /** Reads {@link #text()}. */
    public static RegisterContract parse(String text) {
        String version = null;
        Map<String, Register> registers = new LinkedHashMap<>();
        Map<String, Map<String, Field>> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("version=")) {
                version = line.substring("version=".length());
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length == 3) {
                Map<String, Field> own = new TreeMap<>();
                fields.put(parts[0], own);
                registers.put(parts[0], new Register(Long.decode(parts[1]), Integer.parseInt(parts[2]), own));
            } else if (parts.length == 4) {
                int dot = parts[0].lastIndexOf('.');
                String[] bits = parts[1].substring(1, parts[1].length() - 1).split(":");
                Map<String, Field> own = fields.get(parts[0].substring(0, dot));
                if (own == null) {
                    throw new IllegalArgumentException("field before its register: " + line);
                }
                own.put(parts[0].substring(dot + 1), new Field(Integer.parseInt(bits[1]), Integer.parseInt(bits[0]),
                        parts[2].substring(3), parts[3].substring(3)));
            } else {
                throw new IllegalArgumentException("not a register contract line: " + line);
            }
        }
        if (version == null) {
            throw new IllegalArgumentException("no version= line");
        }
        return new RegisterContract(version, new TreeMap<>(registers));
    }

    /** Every difference from {@code base} to this contract, breaking ones first. */
    public List<Change> changesSince(RegisterContract base) {
        List<Change> changes = new ArrayList<>();
        base.registers().forEach((name, was) -> {
            Register now = registers.get(name);
            if (now == null) {
                changes.add(Change.major("register " + name + " removed"));
                return;
            }
            if (now.offset() != was.offset()) {
                changes.add(Change.major("register " + name + " moved from 0x" + Long.toHexString(was.offset()) + " to 0x"
                        + Long.toHexString(now.offset())));
            }
            if (now.width() != was.width()) {
                changes.add(Change.major("register " + name + " is " + now.width() + " bits wide, was " + was.width()));
            }
            was.fields().forEach((f, wasField) -> {
                Field nowField = now.fields().get(f);
                String field = name + "." + f;
                if (nowField == null) {
                    changes.add(Change.major("field " + field + " removed"));
                    return;
                }
                if (nowField.lsb() != wasField.lsb() || nowField.width() < wasField.width()) {
                    changes.add(Change.major("field " + field + " narrowed or moved from " + wasField.bits() + " to " + nowField.bits()));
                } else if (nowField.width() > wasField.width()) {
                    changes.add(Change.minor("field " + field + " widened from " + wasField.bits() + " to " + nowField.bits()));
                }
                if (!nowField.sw().equals(wasField.sw()) || !nowField.hw().equals(wasField.hw())) {
                    changes.add(Change.major("field " + field + " access changed from sw=" + wasField.sw() + " hw=" + wasField.hw()
                            + " to sw=" + nowField.sw() + " hw=" + nowField.hw()));
                }
            });
            now.fields().keySet().stream().filter(f -> !was.fields().containsKey(f))
                    .forEach(f -> changes.add(Change.minor("field " + name + "." + f + " added")));
        });
        registers.keySet().stream().filter(r -> !base.registers().containsKey(r))
                .forEach(r -> changes.add(Change.minor("register " + r + " added")));
        changes.sort((a, b) -> Boolean.compare(!a.major(), !b.major()));
        return changes;
    }

    /** One difference between two contracts: a major one breaks a driver written against the old one. */
    public record Change(boolean major, String what) {
        static Change major(String what) {
            return new Change(true, what);
        }

        static Change minor(String what) {
            return new Change(false, what);
        }

        @Override
        public String toString() {
            return (major ? "MAJOR " : "MINOR ") + what;
        }
    }
}
