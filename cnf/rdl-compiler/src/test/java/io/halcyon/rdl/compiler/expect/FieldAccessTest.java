package io.halcyon.rdl.compiler.expect;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.FieldNode;
import org.junit.Test;

import static io.halcyon.rdl.compiler.Models.field;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * Field behaviour: test_field_access_types / test_prop_side_effects of the reference compiler and
 * the PeakRDL-regblock benches that exercise them (test_field_types, test_onread_onwrite, ...).
 */
public class FieldAccessTest {

    private static void access(FieldNode f, String sw, String hw) {
        assertEquals(f.path() + " sw", sw, f.sw());
        assertEquals(f.path() + " hw", hw, f.hw());
    }

    @Test
    public void swAndHwAccess() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/field_access_types.rdl", "top");
        access(field(m, "top.r1.f1"), "rw", "r");
        access(field(m, "top.r1.f2"), "r", "w");
        access(field(m, "top.r1.f3"), "r", "rw");
        access(field(m, "top.r1.f4"), "w", "r");
        access(field(m, "top.r1.f12"), "w", "na");
        assertEquals("rclr", field(m, "top.r1.f5").onread());
        assertEquals(true, field(m, "top.r1.f6").properties().get("hwclr"));
        assertEquals("hw", field(m, "top.r1.f7").properties().get("precedence"));
        assertEquals("sw", field(m, "top.r1.f8").properties().get("precedence"));
        assertEquals(true, field(m, "top.r1.f11").properties().get("wel"));
        access(field(m, "top.r2.f"), "r", "w");
        access(field(m, "top.r3.f"), "w", "r");
    }

    @Test
    public void defaultsAreReadWriteForBoth() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/field_gaps.rdl", "top");
        access(field(m, "top.a.a"), "rw", "rw");
        assertEquals(31, field(m, "top.a.a").msb());
        access(field(m, "top.e.a"), "r", "w");
    }

    @Test
    public void tableTwelveStorageCombinations() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_field_types.rdl", null);
        String[][] expected = {
            {"r1", "rw", "rw", "10"}, {"r2", "rw", "r", "20"}, {"r3", "rw", "w", "30"}, {"r4", "rw", "na", "40"},
            {"r5", "r", "rw", "50"}, {"r6", "r", "r", "60"}, {"r7", "r", "w", null}, {"r8", "r", "na", "80"},
            {"r9", "w", "rw", "90"}, {"r10", "w", "r", "100"},
        };
        for (String[] e : expected) {
            FieldNode f = field(m, "top." + e[0] + ".f");
            access(f, e[1], e[2]);
            assertEquals(f.path(), e[3] == null ? null : Long.valueOf(e[3]), f.reset());
            assertEquals(0, f.lsb());
            assertEquals(7, f.msb());
        }
        assertEquals(8, m.registers().get(0).width());
        assertEquals(1, m.registers().get(1).absoluteAddress());
    }

    @Test
    public void onreadAndOnwriteSideEffects() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_onread_onwrite.rdl", null);
        assertEquals("rclr", field(m, "top.r1.f1").onread());
        assertEquals("rset", field(m, "top.r1.f2").onread());
        String[][] writes = {{"r2", "woset", "woclr", "wot"}, {"r3", "wzs", "wzc", "wzt"}};
        for (String[] w : writes) {
            for (int i = 1; i <= 3; i++) {
                FieldNode f = field(m, "top." + w[0] + ".f" + i);
                assertEquals(f.path(), w[i], f.onwrite());
                assertNull(f.onread());
            }
        }
        assertEquals("wclr", field(m, "top.r4.f1").onwrite());
        assertEquals("wset", field(m, "top.r4.f2").onwrite());
    }

    @Test
    public void legacyShorthandsMapOntoOnreadAndOnwriteAndTheLastAssignmentWins() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/property_side_effects.rdl", "top");
        String[] onread = {null, "rclr", "rset", "rclr", "rset", "rclr", "rset", "rclr", "rset"};
        String[] onwrite = {null, "woclr", "woset", "woclr", "woset", "woclr", "woset", "woclr", "woset"};
        for (int i = 0; i <= 8; i++) {
            assertEquals("r1.f" + i, onread[i], field(m, "top.r1.f" + i).onread());
            assertEquals("r2.f" + i, onwrite[i], field(m, "top.r2.f" + i).onwrite());
            assertFalse("shorthands are not kept as separate properties",
                    field(m, "top.r1.f" + i).properties().containsKey("rclr"));
        }
        // counter aliases: threshold -> incrthreshold, saturate -> incrsaturate
        assertEquals(2L, field(m, "top.r3.f2").properties().get("incrthreshold"));
        assertEquals(4L, field(m, "top.r3.f2").properties().get("incrsaturate"));
    }

    @Test
    public void singlepulseCountersAndInterrupts() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_counter_basics.rdl", null);
        FieldNode up = field(m, "top.simple.do_count_up");
        assertTrue(up.singlepulse());
        access(up, "w", "r");
        assertTrue(field(m, "top.simple.updown").counter());
        assertFalse(up.counter());
        assertEquals("top.simple.do_count_up", field(m, "top.simple.updown2").properties().get("incr").toString());
        assertEquals("top.simple.updown3->overflow",
                field(m, "top.wrap_counter.overflow_count").properties().get("incr").toString());

        ElaboratedModel irq = Corpus.elaborate("systemrdl-compiler/rdl_src/intr_prop_mod.rdl", null);
        assertEquals("posedge", field(irq, "intr_prop_mod_test.reg1.irq1").interruptType());
        assertTrue(field(irq, "intr_prop_mod_test.reg1.irq2").interrupt());
        assertFalse(field(irq, "intr_prop_mod_test.reg1.irq3").interrupt());
        assertEquals("negedge", field(irq, "intr_prop_mod_test.reg1.irq4").interruptType());
        assertEquals("level", field(irq, "intr_prop_mod_test.reg3.irqX").interruptType());
        assertEquals(false, field(irq, "intr_prop_mod_test.reg2.irqA").properties().get("stickybit"));
    }

    @Test
    public void donttestAndDontcompare() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/properties.rdl", "donttest_top");
        assertTrue(field(m, "donttest_top.r1.f1").donttest());
        assertTrue(field(m, "donttest_top.r1.f2").donttest());
        assertFalse(field(m, "donttest_top.r1.f2").dontcompare());
        assertFalse(field(m, "donttest_top.r1.f3").donttest());
        assertTrue(field(m, "donttest_top.r1.f6").donttest());
        assertEquals(false, m.find("donttest_top.r5").properties().get("donttest"));
        assertEquals(true, m.find("donttest_top.r6").properties().get("donttest"));
        ElaboratedModel c = Corpus.elaborate("systemrdl-compiler/rdl_src/properties.rdl", "dontcompare_top");
        assertTrue(field(c, "dontcompare_top.r1.f5").dontcompare());
        assertFalse(field(c, "dontcompare_top.r1.f3").dontcompare());
    }

    @Test
    public void overlappingReadOnlyAndWriteOnlyRegistersAndFieldsAreAllowed() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/overlaps.rdl", "top");
        assertEquals(0x0, ((io.halcyon.rdl.compiler.model.RegNode) m.find("top.r0_wo")).absoluteAddress());
        assertEquals(0x0, ((io.halcyon.rdl.compiler.model.RegNode) m.find("top.r0_ro")).absoluteAddress());
        assertEquals(2, ((io.halcyon.rdl.compiler.model.RegNode) m.find("top.simple_overlap")).fields().size());
    }
}
