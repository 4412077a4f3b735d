package io.halcyon.rdl.generator;

import static io.halcyon.rdl.generator.GeneratedCode.call;
import static io.halcyon.rdl.generator.GeneratedCode.hasMethod;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.BeforeClass;
import org.junit.Test;

import io.halcyon.hal.api.register.FieldValueTooWideException;
import io.halcyon.hal.api.register.RegisterValue;

/**
 * The bit-exact behaviour of code generated from {@code blk.rdl}: every test pins the accesses the
 * generated accessor makes on a recording bus, or the shape (methods present or absent) of a type.
 */
public class GeneratedRegistersTest {

    private static final long BASE = 0x4000_0000L;
    private static GeneratedCode code;
    private final RecordingBus bus = new RecordingBus();
    private Object blk;

    @BeforeClass
    public static void generate() throws Exception {
        code = GeneratedCode.fromResource("blk.rdl", "test.blk.regs");
    }

    private Object reg(String method, Object... index) {
        if (blk == null) {
            blk = code.accessor("Blk", bus, BASE);
        }
        return call(blk, method, index);
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Object> change(UnaryOperator<Object> f) {
        return f;
    }

    // --- modify and write-to-act fields -------------------------------------------------------

    @Test
    public void modifyNeverWritesBackAPendingW1cOrW1sBit() {
        // EN=0, PEND=1 (pending), REQ=1 (as read), HI=0x5A.
        bus.set(BASE, 0x005A_0300L);
        call(reg("ctrl"), "modify", change(v -> call(v, "withEn", true)));
        assertEquals(List.of("R32 0x40000000", "W32 0x40000000=0x5a0001"), bus.log);
    }

    @Test
    public void modifyWritesNeutralW1cBitsEvenWhenTheChangeReturnsThemSet() {
        bus.set(BASE, 0);
        Object ctrlType = code.type("Ctrl");
        call(reg("ctrl"), "modify", change(v -> call(ctrlType, "fromBits", 0x0000_0311)));
        assertEquals("W32 0x40000000=0x11", bus.log.get(1));
    }

    @Test
    public void modifyWritesAWriteZeroToClearBitAsOneWhateverTheChangeReturns() {
        bus.set(BASE + 0x30, 0x0000_0100L); // ARMED=1
        Object zclrType = code.type("Zclr");
        call(reg("zclr"), "modify", change(v -> call(v, "withSet", 5)));
        call(reg("zclr"), "modify", change(v -> call(zclrType, "fromBits", 0x6)));
        assertEquals(List.of("R32 0x40000030", "W32 0x40000030=0x105", "R32 0x40000030", "W32 0x40000030=0x106"),
                bus.log);
    }

    @Test
    public void clearingAW1cFieldOfAStatusRegisterWritesOnlyThatBitWithoutReading() {
        bus.set(BASE + 4, 0xF000_0FF3L);
        call(reg("intr"), "clearErr");
        assertEquals(List.of("W32 0x40000004=0x2"), bus.log);
    }

    @Test
    public void clearingSomeBitsOfAMultiBitW1cFieldWritesOnlyThoseBits() {
        call(reg("intr"), "clearCh", 0x81);
        assertEquals(List.of("W32 0x40000004=0x810"), bus.log);
    }

    @Test
    public void clearingAW1cFieldNextToStoredFieldsKeepsThemAndClearsNothingElse() {
        bus.set(BASE, 0xFF5A_1375L); // reserved bits set, PEND and REQ pending, EN=1, MODE=2, DIV=7
        call(reg("ctrl"), "clearPend");
        // Stored fields and reserved bits as read, REQ (W1S) neutral, only PEND's 1.
        assertEquals(List.of("R32 0x40000000", "W32 0x40000000=0xff5a1175"), bus.log);
    }

    @Test
    public void settingAW1sFieldWritesOnlyThatActingBit() {
        bus.set(BASE, 0x0000_0100L);
        call(reg("ctrl"), "setReq");
        assertEquals(List.of("R32 0x40000000", "W32 0x40000000=0x200"), bus.log);
    }

    @Test
    public void w1cFieldsHaveNoSetterButAGetter() {
        Class<?> ctrl = code.type("Ctrl");
        assertFalse(hasMethod(ctrl, "withPend"));
        assertFalse(hasMethod(ctrl, "withReq"));
        assertEquals(true, call(call(ctrl, "fromBits", 0x100), "pend"));
    }

    @Test
    public void modifyPreservesReservedBitsAsRead() {
        bus.set(BASE, 0xFF00_E000L); // bits 31:24 and 15:13 are reserved
        call(reg("ctrl"), "modify", change(v -> call(v, "withDiv", 9)));
        assertEquals("W32 0x40000000=0xff00e090", bus.log.get(1));
    }

    @Test
    public void singlePulseFieldIsWrittenOnlyWhenTheChangeSetsIt() {
        bus.set(BASE + 0x10, 0x1F);
        call(reg("kick"), "modify", change(v -> call(v, "withSet", 3)));
        call(reg("kick"), "modify", change(v -> call(call(v, "withKick", true), "withSet", 4)));
        assertEquals(List.of("R32 0x40000010", "W32 0x40000010=0x3", "R32 0x40000010", "W32 0x40000010=0x14"), bus.log);
    }

    // --- registers whose read has side effects ------------------------------------------------

    @Test
    public void readToClearRegisterHasNoModifyAndIsReadOnlyOnRequest() {
        Class<?> events = code.type("EventsRegister");
        assertFalse(hasMethod(events, "modify"));
        assertFalse(hasMethod(events, "write"));
        bus.set(BASE + 8, 0x1234);
        Object value = call(reg("events"), "read");
        assertEquals(0x1234, call(value, "count"));
        assertEquals(List.of("R32 0x40000008"), bus.log);
    }

    // --- access policy in the types -----------------------------------------------------------

    @Test
    public void readOnlyFieldHasAGetterAndNoSetter() {
        Class<?> ctrl = code.type("Ctrl");
        assertTrue(hasMethod(ctrl, "busy"));
        assertFalse(hasMethod(ctrl, "withBusy"));
        assertFalse(hasMethod(code.type("Intr"), "withLevel"));
    }

    @Test
    public void writeOnlyFieldHasASetterAndNoGetter() {
        Class<?> cmd = code.type("Cmd");
        assertTrue(hasMethod(cmd, "withOp"));
        assertFalse(hasMethod(cmd, "op"));
        assertFalse(hasMethod(cmd, "go"));
        Class<?> handle = code.type("CmdRegister");
        assertFalse(hasMethod(handle, "read"));
        assertFalse(hasMethod(handle, "modify"));
        Object value = call(call(code.constant("Cmd", "RESET"), "withOp", 0x42), "withGo", true);
        call(reg("cmd"), "write", value);
        assertEquals(List.of("W32 0x4000000c=0x80000042"), bus.log);
    }

    @Test
    public void readOnlyRegisterHasNoWrite() {
        // INTR has writable W1C fields; EVENTS is the read-only one.
        assertFalse(hasMethod(code.type("EventsRegister"), "write"));
        assertTrue(hasMethod(code.type("IntrRegister"), "write"));
        assertFalse(hasMethod(code.type("IntrRegister"), "modify"));
    }

    // --- values -------------------------------------------------------------------------------

    @Test
    public void tooWideValueFailsNamingBlockRegisterFieldAndRange() {
        Object ctrl = code.constant("Ctrl", "RESET");
        FieldValueTooWideException e = assertThrows(FieldValueTooWideException.class, () -> call(ctrl, "withDiv", 0x10));
        assertEquals("value 0x10 too wide for blk.CTRL.DIV: 4 bits, allowed 0x0..0xf", e.getMessage());
        assertTrue(e instanceof IllegalArgumentException);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> call(ctrl, "withHi", -1));
        assertEquals("value 0xffffffff too wide for blk.CTRL.HI: 8 bits, allowed 0x0..0xff", negative.getMessage());
        IllegalArgumentException wide64 = assertThrows(IllegalArgumentException.class,
                () -> call(code.constant("Big", "RESET"), "withAddr", 1L << 40));
        assertEquals("value 0x10000000000 too wide for blk.BIG.ADDR: 40 bits, allowed 0x0..0xffffffffff",
                wide64.getMessage());
    }

    @Test
    public void valuesAreImmutableWithResetFromTheDescription() {
        Object reset = code.constant("Ctrl", "RESET");
        Object changed = call(reset, "withHi", 0x11);
        assertEquals(0x005A_0000, call(reset, "bits"));
        assertEquals(0x0011_0000, call(changed, "bits"));
        assertEquals(0x5A, call(reset, "hi"));
        assertEquals(call(code.type("Ctrl"), "fromBits", 0x005A_0000), reset);
        assertTrue(reset instanceof RegisterValue);
        assertEquals("CTRL{EN=0x0, MODE=0x0, DIV=0x0, PEND=0x0, REQ=0x0, BUSY=0x0, HI=0x5a}", reset.toString());
    }

    @Test
    public void encodedFieldUsesTheEnumAndShowsUnnamedValuesAsRawBits() {
        Class<?> modeE = code.type("ModeE");
        Object fast = modeE.getEnumConstants()[2];
        assertEquals("FAST", fast.toString());
        Object value = call(code.constant("Ctrl", "RESET"), "withMode", fast);
        assertEquals(0x005A_0004, call(value, "bits"));
        assertEquals(fast, call(value, "mode"));
        Object unnamed = call(code.type("Ctrl"), "fromBits", 0x6);
        assertNull(call(unnamed, "mode"));
        assertEquals(3, call(unnamed, "modeBits"));
    }

    // --- 64-bit registers and arrays ----------------------------------------------------------

    @Test
    public void sixtyFourBitRegistersUseOneSixtyFourBitAccess() {
        bus.set(BASE + 0x18, 0x1234_BEEF_CAFE_F00DL);
        Object stamp = call(reg("stamp"), "read");
        assertEquals(0xCAFE_F00D, call(stamp, "lo"));
        assertEquals(0xBEEF, call(stamp, "hi"));
        assertEquals(0x1234, call(stamp, "wide"));
        call(reg("stamp"), "modify", change(v -> call(v, "withLo", 0xFFFF_FFFF)));
        assertEquals(List.of("R64 0x40000018", "R64 0x40000018", "W64 0x40000018=0x1234beefffffffff"), bus.log);
        Object big = call(call(code.constant("Big", "RESET"), "withAddr", 0xFF_FFFF_FFFFL), "withFlag", true);
        assertEquals(0x8000_00FF_FFFF_FFFFL, call(big, "bits"));
        assertEquals(0xFF_FFFF_FFFFL, call(big, "addr"));
    }

    @Test
    public void arraysAreIndexedAndBoundsChecked() {
        call(reg("chan", 3), "write", call(code.constant("Chan", "RESET"), "withPrio", 5));
        assertEquals(List.of("W32 0x40000118=0xa"), bus.log);
        assertThrows(IndexOutOfBoundsException.class, () -> reg("chan", 4));
        assertEquals(4, code.constant("ChanRegister", "COUNT"));
        assertEquals(8L, code.constant("ChanRegister", "STRIDE"));
    }

    @Test
    public void nestedArraysTakeOneIndexPerLevel() {
        assertEquals(BASE + 0x200 + 0x10 + 2 * 4, call(reg("portLane", 1, 2), "address"));
        assertThrows(IndexOutOfBoundsException.class, () -> reg("portLane", 2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> reg("portLane", 0, 3));
    }
}
