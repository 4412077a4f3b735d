package io.halcyon.platform.emulation.regfile;

import java.util.function.LongConsumer;

import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;

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

    static void wire(BlockType type, RegisterFileModel file) {
        for (RegisterSpec r : type.registers()) {
            for (FieldSpec f : r.fields()) {
                if (f.counter() != null) {
                    FieldHandle counter = file.field(r.path() + "." + f.name());
                    long up = f.counter().incrValue();
                    long down = f.counter().decrValue();
                    wire(file, f.counter().incr(), () -> counter.increment(up));
                    wire(file, f.counter().decr(), () -> counter.decrement(down));
                }
            }
        }
    }

    private static void wire(RegisterFileModel file, FieldSpec.Strobe strobeSource, Runnable count) {
        if (strobeSource == null) {
            return;
        }
        String path = strobeSource.fieldPath();
        Field strobe = file.fieldSpec(path);
        Register reg = file.register(path.substring(0, path.lastIndexOf('.')));
        LongConsumer onTouch = mask -> {
            if ((mask & strobe.registerMask) != 0) {
                count.run();
            }
        };
        switch (strobeSource.event()) {
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
