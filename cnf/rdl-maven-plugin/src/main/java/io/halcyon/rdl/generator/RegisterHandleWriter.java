package io.halcyon.rdl.generator;

import java.util.List;

/**
 * Writes the accessor of one register (one element of an array): the operations its access policy
 * allows and no others. A read-only register has no write, a register whose read has side effects
 * has no modify, a write-1-to-clear field is cleared by a method that acts on that field alone.
 */
final class RegisterHandleWriter {

    private final JavaNames names;
    private final String pkg;

    RegisterHandleWriter(JavaNames names, String pkg) {
        this.names = names;
        this.pkg = pkg;
    }

    String write(RegisterClass c) {
        RegisterType r = c.shape();
        String cls = c.handleClass();
        String value = c.valueClass();
        RegisterPolicy p = new RegisterPolicy(r);
        boolean waits = p.readable && !p.readSideEffect && r.width() == 32;
        SourceWriter s = new SourceWriter();
        s.line("package %s;", pkg).line("");
        if (waits) {
            s.line("import java.time.Duration;");
        }
        if (p.hasModify()) {
            s.line("import java.util.function.UnaryOperator;");
        }
        s.line("");
        s.line("import io.halcyon.hal.api.bus.RegisterBus;");
        if (waits) {
            s.line("import io.halcyon.hal.api.bus.WaitResult;");
            s.line("import io.halcyon.hal.api.bus.WaitTimeoutException;");
            s.line("import io.halcyon.hal.api.register.FieldCondition;");
        }
        if (p.readable) {
            s.line("import io.halcyon.hal.api.register.ReadableRegister;");
        }
        s.line("");
        s.javadoc(Docs.classHeading(names.block, c), Docs.escaped(r.desc()), policyText(p),
                "Generated from the block's SystemRDL description; do not edit.");
        s.open("public final class %s%s", cls, p.readable ? " implements ReadableRegister<" + value + ">" : "");
        int rank = r.dims().length;
        if (!c.shared()) {
            // Where the one register of the class sits, for tests and tools; a shared class has no one place.
            s.javadoc(r.isArray() ? "Byte offset of element 0 from the block's base." : "Byte offset from the block's base.");
            s.line("public static final long OFFSET = %s;", SourceWriter.longLiteral(r.offset()));
            for (int k = 0; k < rank; k++) {
                String suffix = rank == 1 ? "" : "_" + k;
                s.javadoc("Number of elements along array dimension " + k + ".");
                s.line("public static final int COUNT%s = %d;", suffix, r.dims()[k]);
                s.javadoc("Bytes between neighbouring elements along array dimension " + k + ".");
                s.line("public static final long STRIDE%s = %s;", suffix, SourceWriter.longLiteral(r.strides()[k]));
            }
        }
        s.line("").line("private final RegisterBus bus;").line("private final long address;");
        // The block instance's name, the register's name and the element's indices are kept for path() only:
        // messages build the path when they need it, so an access that reports nothing allocates nothing.
        s.line("private final String block;").line("private final String register;");
        for (int k = 0; k < rank; k++) {
            s.line("private final int i%d;", k);
        }
        s.line("");
        // The block accessor passes the element's address and name as constants (plus the indices' share),
        // so one class serves every register of its shape and each accessor method stays a few constants long.
        StringBuilder params = new StringBuilder("RegisterBus bus, long address, String block, String register");
        for (int k = 0; k < rank; k++) {
            params.append(", int i").append(k);
        }
        s.open("%s(%s)", cls, params).line("this.bus = bus;").line("this.address = address;").line("this.block = block;")
                .line("this.register = register;");
        for (int k = 0; k < rank; k++) {
            s.line("this.i%d = i%d;", k, k);
        }
        s.close();
        s.line("");
        s.javadoc("The register's absolute address.");
        if (p.readable) {
            s.line("@Override");
        }
        s.open("public long address()").line("return address;").close();
        s.line("");
        s.javadoc("Where the register is, for messages: block instance, register, indices ({@code " + Names.javadoc(
                examplePath(r)) + "}).");
        if (p.readable) {
            s.line("@Override");
        }
        s.open("public String path()");
        if (rank == 0) {
            s.line("return block + \".\" + register;");
        } else {
            // register is the element's name with "[]" where the indices go: "CH[].HEAD".
            s.line("String[] parts = register.split(\"\\\\[]\", -1);");
            StringBuilder e = new StringBuilder("block + \".\" + parts[0]");
            for (int k = 0; k < rank; k++) {
                e.append(" + \"[\" + i").append(k).append(" + \"]\" + parts[").append(k + 1).append("]");
            }
            s.line("return %s;", e);
        }
        s.close();
        String rd = r.width() == 64 ? "bus.read64(address)" : "bus.read32(address)";
        String wr = r.width() == 64 ? "bus.write64" : "bus.write32";
        String post = r.width() == 64 ? "bus.post64" : "bus.post32";
        String t = r.width() == 64 ? "long" : "int";
        if (p.readable) {
            s.line("").line("@Override");
            s.open("public int width()").line("return %d;", r.width()).close();
            s.line("");
            s.javadoc("The value with exactly the register's bits of {@code bits}, e.g. from a batched read.");
            s.line("@Override");
            s.open("public %s fromBits(long bits)", value)
                    .line("return %s.fromBits(%s);", value, r.width() == 64 ? "bits" : "(int) bits").close();
            s.line("");
            s.javadoc(p.readSideEffect
                    ? "Reads the register once. The read changes the device (read-to-clear, read-to-set or a FIFO"
                            + " pop), so nothing else in this class reads it."
                    : "Reads the register once.");
            s.open("public %s read()", value).line("return %s.fromBits(%s);", value, rd).close();
        }
        if (waits) {
            writeWaits(s, value);
        }
        if (p.writable) {
            s.line("");
            s.javadoc("Writes exactly {@code value}, reserved bits included, and returns once the device accepted it."
                    + " Write-to-act bits that are set in it act.");
            s.open("public void write(%s value)", value).line("%s(address, value.bits());", wr).close();
            s.line("");
            s.javadoc("Posts {@code value} (as {@link #write}, without waiting for its completion): it is issued in"
                    + " order with every other access, and an error it causes is thrown by the next flush, blocking"
                    + " access or wait. For a series of writes whose completion matters only together, e.g. a"
                    + " command staged before its doorbell.");
            s.open("public void post(%s value)", value).line("%s(address, value.bits());", post).close();
        }
        if (p.hasModify()) {
            writeModify(s, r, p, value, rd, wr, t);
        }
        if (p.hasActions()) {
            for (FieldModel f : r.fields()) {
                if (f.writeAction().acts()) {
                    writeAction(s, r, p, f, rd, wr, t);
                }
            }
        }
        s.close();
        return s.toString();
    }

    private static void writeWaits(SourceWriter s, String value) {
        s.line("");
        s.javadoc("Waits until the register meets {@code condition} (made from this value type's {@code X_FIELD}s),"
                + " for at most {@code bound} of device time; the platform evaluates it on the device side.",
                "@return the outcome; not met when the bound passed first");
        s.open("public WaitResult await(FieldCondition<%s> condition, Duration bound)", value);
        s.line("return condition.equal() ? bus.await(address, (int) condition.mask(), (int) condition.value(), bound)");
        s.line("        : bus.awaitNot(address, (int) condition.mask(), (int) condition.value(), bound);");
        s.close();
        s.line("");
        s.javadoc("{@link #await} that throws when the bound passes first.",
                "@throws WaitTimeoutException naming this register's path, the condition and the value last seen");
        s.open("public void awaitOrThrow(FieldCondition<%s> condition, Duration bound)", value);
        s.line("WaitResult result = await(condition, bound);");
        s.open("if (!result.met())").line("throw new WaitTimeoutException(path(), condition.toString(), result);").close();
        s.close();
    }

    private String examplePath(RegisterType r) {
        List<String> parts = r.pathParts();
        StringBuilder e = new StringBuilder(names.block).append('.').append(parts.get(0));
        for (int k = 1; k < parts.size(); k++) {
            e.append('0').append(parts.get(k));
        }
        return e.toString();
    }

    private static String policyText(RegisterPolicy p) {
        if (!p.readable) {
            return "Write-only: there is no read and no modify.";
        }
        if (!p.writable) {
            return "Read-only: there is no write.";
        }
        if (p.readSideEffect) {
            return "Reading has side effects, so there is no read-modify-write: read only when you mean to.";
        }
        if (p.everyWriteActs) {
            return "A field acts on every write, so there is no read-modify-write.";
        }
        return null;
    }

    private void writeModify(SourceWriter s, RegisterType r, RegisterPolicy p, String value, String rd, String wr,
            String t) {
        int w = r.width();
        String neutralIn = neutralExpr("read", p.neutralizedOnRead(), p.actNeutral, w);
        s.line("");
        s.javadoc("Reads the register, applies {@code change} and writes the result. Reserved bits are written back"
                + " as read. Write-to-act fields (W1C, W1S, ...) are written at their neutral value, whatever"
                + " {@code change} returns, so a pending W1C bit is never cleared by accident; single-pulse fields"
                + " reach {@code change} as 0 and are written only if it sets them.");
        s.open("public void modify(UnaryOperator<%s> change)", value);
        s.line("%s read = %s;", t, rd);
        s.line("%s changed = change.apply(%s.fromBits(%s));", value, value, neutralIn);
        if (p.actMask == 0) {
            s.line("%s(address, changed.bits());", wr);
        } else {
            // Only when change set a write-to-act bit is it put back: a test the CPU predicts stays off the
            // read-to-write dependency chain, an unconditional mask would lengthen it (+10 % in the JMH modify).
            s.line("%s out = changed.bits();", t);
            s.open("if ((out & %s) != %s)", SourceWriter.bits(p.actMask, w), SourceWriter.bits(p.actNeutral, w));
            s.line("out = %s;", neutralExpr("out", p.actMask, p.actNeutral, w));
            s.close();
            s.line("%s(address, out);", wr);
        }
        s.close();
    }

    private void writeAction(SourceWriter s, RegisterType r, RegisterPolicy p, FieldModel f, String rd, String wr,
            String t) {
        int w = r.width();
        WriteAction a = f.writeAction();
        boolean oneBit = f.width() == 1;
        String base = p.actionNeedsRead() ? neutralExpr(rd, p.neutralizedOnRead(), p.actNeutral, w)
                : SourceWriter.bits(p.actNeutral, w);
        s.line("");
        String what = a.verb() + "s " + (oneBit ? "the field" : "the given bits of the field");
        String how = p.actionNeedsRead()
                ? "The register is read first so that its stored fields and reserved bits are written back as they"
                        + " are; every other write-to-act bit is written at its neutral value."
                : "No read: the write carries this field's bits and the neutral value everywhere else.";
        s.javadoc(Docs.fieldHeading(f), capital(what) + " (" + f.onwrite() + "). " + how);
        if (oneBit) {
            s.open("public void %s()", JavaNames.action(f));
            s.line("%s(address, %s);", wr, act(base, f.mask(), a.activeHigh(), w));
        } else {
            FieldCode code = new FieldCode(f, w);
            String raw = code.rawType();
            s.open("public void %s(%s selected)", JavaNames.action(f), raw);
            String check = code.tooWide("selected");
            if (check != null) {
                s.open("if (%s)", check);
                s.line("throw new io.halcyon.hal.api.register.FieldValueTooWideException(path() + %s, %d, %s);",
                        Names.literal("." + f.instName()), f.width(), code.asReportedLong("selected"));
                s.close();
            }
            String widened = w == 64 && raw.equals("int") ? "(selected & 0xffffffffL)" : "selected";
            String placed = f.lsb() == 0 ? widened : "(" + widened + " << " + f.lsb() + ")";
            s.line("%s bits = %s;", t, base);
            s.line("%s(address, %s);", wr, a.activeHigh() ? "bits | " + placed : "bits & ~" + placed);
        }
        s.close();
    }

    /** {@code (x & ~clear) | set}, leaving out the parts that do nothing. */
    private static String neutralExpr(String x, long clear, long set, int w) {
        String e = clear == 0 ? x : "(" + x + " & ~" + SourceWriter.bits(clear, w) + ")";
        return set == 0 ? e : e + " | " + SourceWriter.bits(set, w);
    }

    private static String act(String base, long mask, boolean activeHigh, int w) {
        String m = SourceWriter.bits(mask, w);
        return activeHigh ? "(" + base + ") | " + m : "(" + base + ") & ~" + m;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
