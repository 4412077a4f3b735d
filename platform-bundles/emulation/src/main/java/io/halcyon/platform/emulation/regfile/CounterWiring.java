package io.halcyon.platform.emulation.regfile;

import java.util.function.LongConsumer;

import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.Reference;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * Counters whose {@code incr}/{@code decr} is another field's software-access strobe
 * ({@code c->incr = r.f->swacc} or {@code ->swmod}) count inside the register file, because those
 * events are software accesses the register file sees. Any other source (a signal, a hardware event)
 * is for a behaviour model to drive through {@link FieldHandle#increment}.
 * swacc strobes on a software read or write that touches the field; swmod on a write to a writable
 * field or a read that clears or sets it.
 */
final class CounterWiring {

    private CounterWiring() {
    }

    static void wire(ElaboratedModel model, String root, RegisterFileModel file, Iterable<RegNode> regs) {
        for (RegNode r : regs) {
            for (FieldNode f : r.fields()) {
                if (f.counter()) {
                    FieldHandle counter = file.field(f.path());
                    long up = step(f, "incrvalue");
                    long down = step(f, "decrvalue");
                    wire(model, root, file, f.properties().get("incr"), () -> counter.increment(up));
                    wire(model, root, file, f.properties().get("decr"), () -> counter.decrement(down));
                }
            }
        }
    }

    private static long step(FieldNode f, String property) {
        return f.properties().get(property) instanceof Long l ? l : 1;
    }

    private static void wire(ElaboratedModel model, String root, RegisterFileModel file, Object source, Runnable count) {
        if (!(source instanceof Reference ref) || ref.property() == null
                || !(model.find(ref.path()) instanceof FieldNode)
                || !ref.path().startsWith(root + ".")) {
            return;
        }
        Field strobe = file.fieldSpec(ref.path());
        Register reg = file.register(ref.path().substring(0, ref.path().lastIndexOf('.')));
        LongConsumer onTouch = mask -> {
            if ((mask & strobe.registerMask) != 0) {
                count.run();
            }
        };
        switch (ref.property()) {
            case "swacc" -> {
                reg.onRead((data, mask) -> onTouch.accept(mask));
                reg.onWrite((data, mask) -> onTouch.accept(mask));
            }
            case "swmod" -> {
                if (strobe.sw.writable()) {
                    reg.onWrite((data, mask) -> onTouch.accept(mask));
                }
                if (strobe.sw.readable() && strobe.onRead != OnRead.NONE) {
                    reg.onRead((data, mask) -> onTouch.accept(mask));
                }
            }
            default -> { }
        }
    }
}
