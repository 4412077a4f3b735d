package io.halcyon.platform.emulation.regfile;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Every sw, onread and onwrite kind, bit-exact, on one 32-bit register per case. */
public class FieldSemanticsTest {

    /** One register at 0 with one field f[7:0] = 0x5A carrying {@code properties}, and a plain neighbour bit. */
    private static RegisterFileModel oneField(String properties) {
        return Rdl.model("addrmap top { reg { field { " + properties + " } f[7:0] = 0x5A;"
                + " field { sw = rw; } g[31:31] = 0; } r @ 0x0; };");
    }

    private static long read(RegisterFileModel m) {
        return m.read(0, 4);
    }

    private static void write(RegisterFileModel m, long v) {
        m.write(0, 4, v);
    }

    @Test
    public void rwReadsBackWhatWasWritten() {
        RegisterFileModel m = oneField("sw = rw;");
        assertEquals(0x5A, read(m));
        write(m, 0x8000_00C3L);
        assertEquals(0x8000_00C3L, read(m));
    }

    @Test
    public void readOnlyIgnoresWrites() {
        RegisterFileModel m = oneField("sw = r;");
        write(m, 0xFF);
        assertEquals(0x5A, read(m));
    }

    @Test
    public void writeOnlyReadsZeroButStores() {
        RegisterFileModel m = oneField("sw = w;");
        assertEquals(0, read(m));
        write(m, 0x33);
        assertEquals(0, read(m));
        assertEquals(0x33, m.field("r.f").get());
    }

    @Test
    public void rw1TakesOnlyTheFirstWriteAfterReset() {
        RegisterFileModel m = oneField("sw = rw1;");
        write(m, 0x11);
        write(m, 0x22);
        assertEquals(0x11, read(m));
        m.reset();
        assertEquals(0x5A, read(m));
        write(m, 0x33);
        assertEquals(0x33, read(m));
    }

    @Test
    public void w1IsWriteOnceAndWriteOnly() {
        RegisterFileModel m = oneField("sw = w1;");
        write(m, 0x11);
        write(m, 0x22);
        assertEquals(0, read(m));
        assertEquals(0x11, m.field("r.f").get());
    }

    @Test
    public void naIsNeitherReadNorWritten() {
        RegisterFileModel m = oneField("sw = na; hw = rw;");
        write(m, 0xFF);
        assertEquals(0, read(m));
        assertEquals(0x5A, m.field("r.f").get());
    }

    @Test
    public void rclrReturnsTheValueThenClears() {
        RegisterFileModel m = oneField("sw = rw; onread = rclr;");
        assertEquals(0x5A, read(m));
        assertEquals(0, read(m));
    }

    @Test
    public void rsetReturnsTheValueThenSets() {
        RegisterFileModel m = oneField("sw = rw; onread = rset;");
        assertEquals(0x5A, read(m));
        assertEquals(0xFF, read(m));
    }

    @Test
    public void ruserHasNoSideEffect() {
        RegisterFileModel m = oneField("sw = rw; onread = ruser;");
        assertEquals(0x5A, read(m));
        assertEquals(0x5A, read(m));
    }

    /** Write 0x0F over 0x5A (0101_1010) with each onwrite kind. */
    private static long afterWriting0F(String onwrite) {
        RegisterFileModel m = oneField("sw = rw; onwrite = " + onwrite + ";");
        write(m, 0x0F);
        return read(m) & 0xFF;
    }

    @Test
    public void onwriteKindsAreBitExact() {
        assertEquals("woset", 0x5F, afterWriting0F("woset"));
        assertEquals("woclr", 0x50, afterWriting0F("woclr"));
        assertEquals("wot", 0x55, afterWriting0F("wot"));
        assertEquals("wzs", 0xFA, afterWriting0F("wzs"));
        assertEquals("wzc", 0x0A, afterWriting0F("wzc"));
        assertEquals("wzt", 0xAA, afterWriting0F("wzt"));
        assertEquals("wclr", 0x00, afterWriting0F("wclr"));
        assertEquals("wset", 0xFF, afterWriting0F("wset"));
        assertEquals("wuser is a plain write", 0x0F, afterWriting0F("wuser"));
    }

    @Test
    public void onwriteAppliesOnlyToTheBytesTheAccessCovers() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { field { sw = rw; onwrite = woclr; } f[15:0] = 0xFFFF; } r; };");
        m.write(1, 1, 0xFF); // clears the high byte only
        assertEquals(0x00FF, m.read(0, 4));
    }

    @Test
    public void singlepulseIsSeenByListenersThenReadsZero() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { field { sw = rw; hw = r; singlepulse; } p[0:0] = 0;"
                + " field { sw = rw; } g[8:1] = 0; } r; };");
        FieldHandle p = m.field("r.p");
        long[] seen = {-1};
        m.register("r").onWrite((data, mask) -> seen[0] = p.get());
        write(m, 0x1FF);
        assertEquals("the pulse", 1, seen[0]);
        assertEquals("gone one cycle later, the neighbour kept", 0x1FE, read(m));
        write(m, 0);
        assertEquals("no pulse from writing 0", 0, seen[0]);
    }

    @Test
    public void reservedBitsReadZeroAndIgnoreWrites() {
        RegisterFileModel m = oneField("sw = rw;");
        write(m, 0xFFFF_FFFFL);
        assertEquals(0x8000_00FFL, read(m));
    }

    @Test
    public void resetValuesAreConstantsAndReferencesResetAsZero() {
        RegisterFileModel m = Rdl.model("signal { activehigh; } rst_val;"
                + "addrmap top { reg { field { sw = rw; } a[3:0] = 0x9; field { sw = rw; } b[7:4];"
                + " field { sw = rw; } c[15:8] = 0; } r; r.c->reset = r.a; };");
        assertEquals(0x09, read(m));
        write(m, 0xFFFF);
        m.reset();
        assertEquals(0x09, read(m));
    }

    @Test
    public void writeOnceIsAPropertyOfTheFieldNotTheAccess() {
        RegisterFileModel m = Rdl.model("addrmap top { reg { field { sw = rw1; } a[7:0] = 0; field { sw = rw1; } b[15:8] = 0; } r; };");
        m.write(0, 1, 0x11); // takes a's one write, b untouched
        m.write(0, 2, 0x2222);
        assertEquals(0x2211, m.read(0, 4));
    }
}
