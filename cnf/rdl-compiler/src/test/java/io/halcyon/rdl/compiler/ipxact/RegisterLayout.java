package io.halcyon.rdl.compiler.ipxact;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * An elaborated model's register layout as lines, one per register and field, for comparing an
 * imported description with its SystemRDL rendering (a list diff shows where they part).
 */
final class RegisterLayout {

    /** What a comparison includes besides addresses, bits, software access, side effects and resets. */
    enum Detail {
        /** Hardware access, which IP-XACT does not state (the import derives it from volatile). */
        HARDWARE,
        /** Descriptions and display names. */
        TEXT
    }

    private RegisterLayout() {
    }

    static List<String> of(ElaboratedModel model, Detail... details) {
        List<Detail> with = List.of(details);
        List<String> lines = new ArrayList<>();
        for (RegNode r : model.registers()) {
            lines.add(r.path() + " @0x" + Long.toHexString(r.absoluteAddress()) + " width " + r.width()
                    + (with.contains(Detail.TEXT) ? " desc=" + r.desc() : ""));
            for (FieldNode f : r.fields()) {
                StringBuilder line = new StringBuilder("  " + f.instName() + "[" + f.msb() + ":" + f.lsb() + "] sw=" + f.sw());
                if (with.contains(Detail.HARDWARE)) {
                    line.append(" hw=").append(f.hw());
                }
                line.append(" onread=").append(f.onread()).append(" onwrite=").append(f.onwrite()).append(" reset=")
                        .append(f.reset()).append(" donttest=").append(f.donttest());
                if (f.encode() != null) {
                    line.append(" encode=").append(f.encode().members().stream()
                            .map(m -> m.name() + "=" + m.value() + (with.contains(Detail.TEXT) ? "(" + m.displayName() + "|"
                                    + m.desc() + ")" : "")).collect(Collectors.joining(",")));
                }
                if (with.contains(Detail.TEXT)) {
                    line.append(" desc=").append(f.desc());
                }
                lines.add(line.toString());
            }
        }
        for (MemNode m : model.memories()) {
            lines.add(m.path() + " mem @0x" + Long.toHexString(m.absoluteAddress()) + " " + m.entries() + " x " + m.width()
                    + " sw=" + m.sw());
        }
        return lines;
    }
}
