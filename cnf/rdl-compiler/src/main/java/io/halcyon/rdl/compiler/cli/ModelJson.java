package io.halcyon.rdl.compiler.cli;

import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.RegNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CLI's JSON shape: {"top": NAME, "registers": [...], "memories": [...]}. */
public final class ModelJson {

    private ModelJson() {
    }

    /**
     * JSON numbers are written as unsigned decimals; 64-bit values above Long.MAX_VALUE stay exact
     * as integers (JSON has no width limit, though some readers do).
     */
    private static Object unsigned(long v) {
        return v >= 0 ? (Object) v : (Object) new java.math.BigInteger(Long.toUnsignedString(v));
    }

    public static Map<String, Object> toJson(ElaboratedModel model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("top", model.top().instName());
        List<Object> regs = new ArrayList<>();
        for (RegNode r : model.registers()) {
            Map<String, Object> jr = new LinkedHashMap<>();
            jr.put("path", r.path());
            jr.put("address", unsigned(r.absoluteAddress()));
            jr.put("width", r.width());
            jr.put("reset", unsigned(r.reset()));
            List<Object> fields = new ArrayList<>();
            for (FieldNode f : r.fields()) {
                Map<String, Object> jf = new LinkedHashMap<>();
                jf.put("name", f.instName());
                jf.put("lsb", f.lsb());
                jf.put("msb", f.msb());
                jf.put("sw", f.sw());
                jf.put("hw", f.hw());
                jf.put("onread", f.onread());
                jf.put("onwrite", f.onwrite());
                jf.put("reset", f.reset() == null ? null : unsigned(f.reset()));
                jf.put("encode", f.encode() == null ? null : f.encode().name());
                jf.put("singlepulse", f.singlepulse());
                fields.add(jf);
            }
            jr.put("fields", fields);
            regs.add(jr);
        }
        out.put("registers", regs);
        List<Object> mems = new ArrayList<>();
        for (MemNode m : model.memories()) {
            Map<String, Object> jm = new LinkedHashMap<>();
            jm.put("path", m.path());
            jm.put("address", unsigned(m.absoluteAddress()));
            jm.put("entries", m.entries());
            jm.put("width", m.width());
            mems.add(jm);
        }
        out.put("memories", mems);
        return out;
    }
}
