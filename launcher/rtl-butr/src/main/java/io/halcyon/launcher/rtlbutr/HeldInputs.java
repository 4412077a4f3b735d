package io.halcyon.launcher.rtlbutr;

import io.halcyon.hal.api.register.FieldDescription;
import io.halcyon.hal.api.register.RegisterDescription;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.Reference;
import io.halcyon.rdl.compiler.model.SignalNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What holding every hardware-side input at zero does to the fields the description says hardware
 * updates. A field changes on its own only through its hardware sources: a hardware write (loaded every
 * cycle, or only while its {@code we} is 1 or its {@code wel} is 0), {@code hwset}/{@code hwclr}, a
 * counter's increment and decrement, a sticky interrupt's input. When every source of a field is an input
 * (a port of its own, or a {@code signal}) that zero keeps inactive, the field cannot change but by
 * software, so BUTR checks it like a software-only field; the assumption that made it testable is
 * reported with it. A source that zero turns on ({@code wel}, an active-low signal, a hardware write with
 * no enable, a non-sticky interrupt that follows its input) or that another field drives keeps the field
 * skipped, with the reason.
 */
final class HeldInputs {

    /** A field made testable, and the assumptions that made it so ({@code we held at 0}). */
    record Testable(String field, List<String> assumptions) {
    }

    /** A field still skipped as hardware-updated, and why zero on the inputs does not keep it still. */
    record Untestable(String field, String why) {
    }

    record Result(List<RegisterInfo> registers, List<Testable> testable, List<Untestable> untestable) {
        /** Field paths per assumption, in order: {@code "we held at 0" -> [r1.f, r2.f]}. */
        Map<String, List<String>> byAssumption() {
            Map<String, List<String>> out = new TreeMap<>();
            testable.forEach(t -> t.assumptions().forEach(a -> out.computeIfAbsent(a, k -> new ArrayList<>()).add(t.field())));
            return out;
        }
    }

    private final ElaboratedModel model;

    private HeldInputs(ElaboratedModel model) {
        this.model = model;
    }

    /** {@code registers} (relative names, as {@code RegisterMaps} gives them) with the fields zero keeps still no longer hardware-updated. */
    static Result apply(ElaboratedModel model, List<RegisterInfo> registers) {
        return new HeldInputs(model).apply(registers);
    }

    private Result apply(List<RegisterInfo> registers) {
        List<RegisterInfo> out = new ArrayList<>();
        List<Testable> testable = new ArrayList<>();
        List<Untestable> untestable = new ArrayList<>();
        String top = model.top().path() + ".";
        for (RegisterInfo r : registers) {
            List<FieldInfo> fields = new ArrayList<>();
            boolean changed = false;
            for (FieldInfo f : r.fields()) {
                if (!f.hardwareUpdated()) {
                    fields.add(f);
                    continue;
                }
                String path = r.name() + "." + f.name();
                FieldNode node = (FieldNode) model.find(top + path);
                List<String> assumptions = new ArrayList<>();
                String why = node == null ? "not found in the elaborated description" : sources(node, assumptions);
                if (why == null && assumptions.isEmpty()) {
                    assumptions.add("no hardware source in the description");
                }
                if (why == null) {
                    testable.add(new Testable(path, List.copyOf(assumptions)));
                    fields.add(stillByHardware(f));
                    changed = true;
                } else {
                    untestable.add(new Untestable(path, why));
                    fields.add(f);
                }
            }
            out.add(changed ? new RegisterDescription(r.name(), r.offset(), r.width(), r.resetValue(), r.description(), fields,
                    r.external(), r.aliasOf()) : r);
        }
        return new Result(List.copyOf(out), List.copyOf(testable), List.copyOf(untestable));
    }

    private static FieldInfo stillByHardware(FieldInfo f) {
        return new FieldDescription(f.name(), f.lsb(), f.msb(), f.software(), f.hardware(), f.onRead(), f.onWrite(), f.reset(),
                f.singlePulse(), f.description(), f.dontTest(), f.dontCompare(), false, f.writeEnabledByHardware());
    }

    /** Adds the assumption of each hardware source of {@code f} to {@code assumptions}; null when all hold, else why one does not. */
    private String sources(FieldNode f, List<String> assumptions) {
        String hw = f.hw() == null ? "rw" : f.hw();
        if (hw.contains("w")) {
            String why = hardwareWrite(f, assumptions);
            if (why != null) {
                return why;
            }
        }
        for (String strobe : List.of("hwset", "hwclr")) {
            String why = held(f, strobe, null, assumptions);
            if (why != null) {
                return why;
            }
        }
        if (f.counter()) {
            // A counter without an incr reference has an increment input of its own; a decrement one when it has decrvalue/decrwidth.
            String why = held(f, "incr", "counter increment held at 0", assumptions);
            boolean decrements = f.property("decr") != null || f.property("decrvalue") != null || f.property("decrwidth") != null;
            if (why == null && decrements) {
                why = held(f, "decr", "counter decrement held at 0", assumptions);
            }
            return why;
        }
        return null;
    }

    /** A hardware write: with {@code we} only while it is 1; with {@code wel} while it is 0; otherwise every cycle. */
    private String hardwareWrite(FieldNode f, List<String> assumptions) {
        Object wel = f.property("wel");
        if (set(wel)) {
            return drivenByDesign(wel) ? "wel = " + wel + ": driven by the design, not by an input"
                    : "wel held at 0 lets hardware write it every cycle";
        }
        if (set(f.property("we"))) {
            return held(f, "we", null, assumptions);
        }
        if (f.interrupt()) {
            if (Boolean.TRUE.equals(f.property("nonsticky"))) {
                return "a non-sticky interrupt follows its input";
            }
            assumptions.add("interrupt input held at 0 (a sticky interrupt never sets)");
            return null;
        }
        return "hardware writes it every cycle (hw=" + f.hw() + " with no we or wel)";
    }

    /**
     * A strobe property ({@code we}, {@code hwset}, {@code hwclr}, a counter's {@code incr}/{@code decr}):
     * true (or, for a counter's steps, absent) is an input port of its own, held at 0; a reference to a signal is that input; a
     * reference to a field (or a property of one) is driven by the design and may be active.
     */
    private String held(FieldNode f, String strobe, String impliedInput, List<String> assumptions) {
        Object v = f.property(strobe);
        if (v == null && impliedInput != null) {
            assumptions.add(impliedInput);
            return null;
        }
        if (!set(v)) {
            return null;
        }
        if (v instanceof Reference ref) {
            if (drivenByDesign(ref)) {
                return strobe + " = " + ref + ": driven by the design, not by an input";
            }
            if (model.find(ref.path()) instanceof SignalNode s && s.activeLow()) {
                return strobe + " = " + ref + ": an active-low signal, active at 0";
            }
            assumptions.add(strobe + " (signal " + ref + ") held at 0");
            return null;
        }
        assumptions.add(strobe + " held at 0");
        return null;
    }

    /** A reference to a field or to a property of one (a counter's overflow): the design drives it, software perhaps. */
    private boolean drivenByDesign(Object v) {
        return v instanceof Reference ref && (ref.property() != null || model.find(ref.path()) instanceof FieldNode);
    }

    private static boolean set(Object v) {
        return v != null && !Boolean.FALSE.equals(v);
    }
}
