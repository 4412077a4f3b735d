package io.halcyon.launcher.registers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.Test;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.regmap.WriteEffect;

public class RegisterViewTest {

    record F(String name, int lsb, int msb, Access software, WriteEffect onWrite) implements FieldInfo {
        public Access hardware() { return Access.RW; }
        public ReadEffect onRead() { return ReadEffect.NONE; }
        public OptionalLong reset() { return OptionalLong.of(0); }
        public boolean singlePulse() { return false; }
        public String description() { return ""; }
    }

    record R(String name, long offset, List<FieldInfo> fields) implements RegisterInfo {
        public int width() { return 32; }
        public long resetValue() { return 0; }
        public String description() { return ""; }
    }

    record B(List<RegisterInfo> registers) implements HardwareBlock {
        public String name() { return "blk"; }
        public String description() { return ""; }
        public long baseAddress() { return 0x1000; }
    }

    // CTRL: EN[0] rw, ERR[1] w1c, MODE[5:4] rw, STATUS[15:8] r, bits 2-3 and 16-31 reserved.
    private final R ctrl = new R("CTRL", 0x10, List.of(
            new F("EN", 0, 0, Access.RW, WriteEffect.NONE),
            new F("ERR", 1, 1, Access.RW, WriteEffect.WOCLR),
            new F("MODE", 4, 5, Access.RW, WriteEffect.NONE),
            new F("STATUS", 8, 15, Access.R, WriteEffect.NONE)));
    private final B block = new B(List.of(ctrl));

    @Test
    public void partialWriteKeepsOtherFieldsButNeverWritesW1cBitsBack() {
        long current = 0xFFFF_AB33L; // ERR pending (bit 1 set), EN=1, MODE=3, reserved bits set
        long v = RegisterView.compose(block, ctrl, Map.of("MODE", 1L), OptionalLong.of(current));
        assertEquals("ERR written as 0 so it is not cleared", 0, v & 0x2);
        assertEquals("MODE changed", 1, (v >> 4) & 3);
        assertEquals("EN kept", 1, v & 1);
        assertEquals("reserved bits written back as read", current & 0xFFFF_000CL, v & 0xFFFF_000CL);
    }

    @Test
    public void assigningTheW1cFieldClearsOnlyThatBit() {
        long v = RegisterView.compose(block, ctrl, Map.of("err", 1L), OptionalLong.of(0x31L));
        assertEquals(0x33L, v);
    }

    @Test
    public void tooWideValueNamesFieldAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegisterView.compose(block, ctrl, Map.of("MODE", 4L), OptionalLong.of(0)));
        assertEquals("value 0x4 too wide for blk.CTRL.MODE: 2 bits, allowed 0x0..0x3", e.getMessage());
    }

    @Test
    public void readOnlyFieldCannotBeAssigned() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegisterView.compose(block, ctrl, Map.of("STATUS", 1L), OptionalLong.of(0)));
        assertTrue(e.getMessage(), e.getMessage().contains("blk.CTRL.STATUS is not software-writable"));
    }

    @Test
    public void decodeShowsEveryFieldWithItsBits() {
        String text = RegisterView.decode(block, ctrl, 0x0000_2A31L);
        assertTrue(text, text.startsWith("blk.CTRL @ 0x00001010 = 0x00002a31"));
        assertTrue(text, text.contains("[5:4]") && text.contains("MODE") && text.contains("(3)"));
        assertTrue(text, text.contains("[15:8]") && text.contains("0x2a"));
    }

    @Test
    public void numbersAcceptHexBinaryDecimalAndRejectGarbage() {
        assertEquals(31, Numbers.parse("0x1F", "x"));
        assertEquals(5, Numbers.parse("0b101", "x"));
        assertEquals(1000, Numbers.parse("1_000", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Numbers.parse("12z", "blk.CTRL"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("not a number for blk.CTRL: '12z'"));
    }
}
