package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.BeforeClass;
import org.junit.Test;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.regmap.WriteEffect;

/** The generated {@code List<RegisterInfo>} and the javadoc taken from the description. */
public class RegisterMapTest {

    private static GeneratedCode code;
    private static List<RegisterInfo> map;

    @BeforeClass
    @SuppressWarnings("unchecked")
    public static void generate() throws Exception {
        code = GeneratedCode.fromResource("blk.rdl", "test.map.regs");
        map = (List<RegisterInfo>) code.constant("BlkMap", "REGISTERS");
    }

    @Test
    public void everyRegisterAndArrayElementInAddressOrder() {
        List<String> names = map.stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList();
        assertEquals(List.of("CTRL@0x0", "INTR@0x4", "EVENTS@0x8", "CMD@0xc", "KICK@0x10", "STAMP@0x18", "BIG@0x20",
                "ZCLR@0x30",
                "CHAN[0]@0x100", "CHAN[1]@0x108", "CHAN[2]@0x110", "CHAN[3]@0x118",
                "PORT[0].LANE[0]@0x200", "PORT[0].LANE[1]@0x204", "PORT[0].LANE[2]@0x208",
                "PORT[1].LANE[0]@0x210", "PORT[1].LANE[1]@0x214", "PORT[1].LANE[2]@0x218"), names);
    }

    @Test
    public void registersCarryWidthResetAndDescription() {
        RegisterInfo stamp = map.get(5);
        assertEquals(64, stamp.width());
        assertEquals(0xBEEFL << 32, stamp.resetValue());
        RegisterInfo ctrl = map.get(0);
        assertEquals("Control", ctrl.description());
        assertEquals(0x005A_0000L, ctrl.resetValue());
        assertEquals(0x00FF_13F7L, ctrl.definedBits());
    }

    @Test
    public void fieldsCarryAccessAndSideEffects() {
        FieldInfo pend = map.get(0).field("PEND").orElseThrow();
        assertEquals(8, pend.lsb());
        assertEquals(Access.RW, pend.software());
        assertEquals(Access.W, pend.hardware());
        assertEquals(WriteEffect.WOCLR, pend.onWrite());
        assertEquals(OptionalLong.of(0), pend.neutralWrite());
        assertEquals("Pending, write 1 to clear.", pend.description());
        FieldInfo count = map.get(2).field("COUNT").orElseThrow();
        assertEquals(ReadEffect.CLEAR, count.onRead());
        assertTrue(map.get(2).readHasSideEffects());
        assertFalse(map.get(0).readHasSideEffects());
        assertTrue(map.get(3).field("GO").orElseThrow().singlePulse());
        assertEquals(OptionalLong.of(0x5A), map.get(0).field("HI").orElseThrow().reset());
    }

    @Test
    public void blockNameAndDescriptionComeFromTheTopMap() {
        assertEquals("blk", code.constant("BlkMap", "BLOCK"));
        assertEquals("Test block: Registers covering every access policy.", code.constant("BlkMap", "DESCRIPTION"));
    }

    @Test
    public void javadocComesFromNameAndDesc() {
        String ctrl = code.source("Ctrl");
        assertTrue(ctrl, ctrl.contains("<b>Control</b> (blk.CTRL, offset 0x0, 32 bits, reset 0x5a0000)."));
        assertTrue(ctrl, ctrl.contains("Enable, mode and a pending flag."));
        assertTrue(ctrl, ctrl.contains("<b>DIV</b> (bits 7:4, sw rw, reset 0x0): Divider."));
        assertTrue(code.source("ModeE"), code.source("ModeE").contains("<b>Slow clock</b> (0x1)"));
        assertTrue(code.source("Blk"), code.source("Blk").contains("Registers covering every access policy."));
    }
}
