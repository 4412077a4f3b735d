package io.halcyon.rdl.compiler.expect;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.UndefinedTypeException;
import io.halcyon.rdl.compiler.model.AddressableNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.EnumType;
import io.halcyon.rdl.compiler.model.Reference;
import io.halcyon.rdl.compiler.model.RegNode;
import io.halcyon.rdl.compiler.model.SignalNode;
import io.halcyon.rdl.compiler.model.StructValue;
import org.junit.Test;

import java.util.List;
import java.util.Map;

import static io.halcyon.rdl.compiler.Models.addr;
import static io.halcyon.rdl.compiler.Models.field;
import static io.halcyon.rdl.compiler.Models.node;
import static io.halcyon.rdl.compiler.Models.reg;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Aliases, internal/external, bridges, dynamic assignments, user properties, structs, references. */
public class SemanticsTest {

    @Test
    public void aliasRegisters() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/alias.rdl", "alias_basics");
        assertEquals(0x4, addr(m, "alias_basics.primary"));
        assertEquals(0x0, addr(m, "alias_basics.alias1"));
        assertEquals("alias_basics.primary", reg(m, "alias_basics.alias3").aliasOf());
        assertNull(reg(m, "alias_basics.primary").aliasOf());
        assertTrue("alias inherits external from its primary", reg(m, "alias_basics.ext_alias1").external());
        assertFalse(reg(m, "alias_basics.alias2").external());
        assertEquals("alias_basics.primary_array[1]", reg(m, "alias_basics.alias_array[1]").aliasOf());
        ElaboratedModel mixed = Corpus.elaborate("systemrdl-compiler/rdl_src/alias.rdl", "mixed_access");
        assertEquals("r", field(mixed, "mixed_access.alias1.x").sw());
        assertEquals("rw", field(mixed, "mixed_access.primary.x").sw());
    }

    @Test
    public void internalAndExternal() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/internal_external.rdl", "extern_test");
        String[] ext = {"reg1", "reg2", "reg6", "reg7", "reg9", "reg11", "rf1a.rega", "rf1a.regb", "rf1a.regc",
            "rf1c.rega", "rf2a.rf1b.regb", "rf2c.rf1a.regb", "rf2c.rf1c.rega"};
        String[] internal = {"reg3", "reg4", "reg5", "reg8", "reg10", "reg12", "rf1b.rega", "rf1c.regb", "rf2b.rf1a.rega",
            "rf2c.rf1b.rega", "rf2c.rf1c.regc"};
        for (String p : ext) {
            assertTrue(p, reg(m, "extern_test." + p).external());
        }
        for (String p : internal) {
            assertFalse(p, reg(m, "extern_test." + p).external());
        }
    }

    @Test
    public void bridgeChildrenAllStartAtZero() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/bridge.rdl", "some_bridge");
        assertTrue(m.top().bridge());
        assertEquals(0x0, addr(m, "some_bridge.ahb.ahb_credits"));
        assertEquals(0x20, addr(m, "some_bridge.ahb.ahb_stat"));
        assertEquals(0x0, addr(m, "some_bridge.axi.axi_credits"));
        assertEquals(0x40, addr(m, "some_bridge.axi.axi_stat"));
        assertEquals("bar", field(m, "some_bridge.ahb.ahb_stat.stat1").desc());
        assertEquals("foo", field(m, "some_bridge.axi.axi_stat.stat1").desc());
    }

    @Test
    public void outerDynamicAssignmentsWin() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/nested_dpa.rdl", "e");
        assertEquals("e", node(m, "e.d2.c2.b2.a2").desc());
        assertEquals("d", node(m, "e.d1.c2.b2.a2").desc());
        assertEquals("c", node(m, "e.d1.c1.b2.a2").desc());
        assertEquals("b", node(m, "e.d1.c1.b1.a2").desc());
        assertEquals("a", node(m, "e.d1.c1.b1.a1").desc());
        ElaboratedModel a = Corpus.elaborate("systemrdl-compiler/rdl_src/shared_dpa.rdl", "top_a");
        assertEquals("reg a", node(a, "top_a.myreg").desc());
        ElaboratedModel t = Corpus.elaborate("systemrdl-compiler/rdl_src/shared_dpa.rdl", "top");
        assertEquals("field default", node(t, "top.myreg.f").desc());
    }

    @Test
    public void parametersInsideDynamicAssignments() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/param_dpa_scopes.rdl", null);
        assertEquals("dpa1", node(m, "param_dpa_scopes.reg_default").name());
        assertEquals("reg default", node(m, "param_dpa_scopes.reg_default").desc());
        assertEquals("top default", node(m, "param_dpa_scopes.reg_override1.f").desc());
        assertEquals("from inst", node(m, "param_dpa_scopes.reg_override2.f").desc());
        assertEquals("top default", node(m, "param_dpa_scopes.reg_override2.f").name());
    }

    @Test
    public void nameDefaultsToInstanceName() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/examples/atxmega_spi.rdl", null);
        assertEquals("Control Register", reg(m, "atxmega_spi.CTRL").name());
        assertEquals("STATUS", reg(m, "atxmega_spi.STATUS").name());
        assertEquals(8, reg(m, "atxmega_spi.DATA").width());
        assertEquals(3, addr(m, "atxmega_spi.DATA"));
    }

    @Test
    public void userDefinedProperties() {
        ElaboratedModel t = Corpus.elaborate("systemrdl-compiler/rdl_src/udp_types.rdl", "top");
        assertEquals(123L, field(t, "top.x.defaults").userProperties().get("int_udp"));
        assertEquals(false, field(t, "top.x.defaults").userProperties().get("bool_udp"));
        ElaboratedModel e = Corpus.elaborate("systemrdl-compiler/rdl_src/udp_15.2.2_ex1.rdl", "foo");
        assertEquals(false, field(e, "foo.bar.field1").userProperties().get("some_bool_p"));
        assertEquals(true, field(e, "foo.bar.field2").userProperties().get("some_bool_p"));
        assertEquals(0x10L, field(e, "foo.bar.field2").userProperties().get("some_num_p"));
        assertEquals(0x20L, node(e, "foo.bar").userProperties().get("some_num_p"));
        assertEquals(new Reference("foo.bar.field2", null), field(e, "foo.bar.field1").userProperties().get("some_ref_p"));
        ElaboratedModel b = Corpus.elaborate("systemrdl-compiler/rdl_src/udp_builtin.rdl", "top");
        assertEquals(42L, node(b, "top.reg1").userProperties().get("int_udp"));
        assertEquals(43L, node(b, "top").userProperties().get("int_udp"));
        ElaboratedModel en = Corpus.elaborate("systemrdl-compiler/rdl_src/udp_15.2.2_ex2.rdl", "top");
        assertEquals("alpha", ((EnumType.Member) field(en, "top.regA.f").userProperties().get("my_enc_prop")).name());
    }

    @Test
    public void arraysOfReferencesAndStructs() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/udp_arrays.rdl", "top");
        Map<String, Object> udps = m.top().userProperties();
        assertEquals(List.of(new Reference("top.r1", null), new Reference("top.r2.f1", null),
                new Reference("top.r3.f2", "anded")), udps.get("ref_array"));
        assertEquals(List.of(10L, 20L), udps.get("int_array"));
        List<?> structs = (List<?>) udps.get("struct_array");
        assertEquals("my_extended_struct", ((StructValue) structs.get(2)).type());
        assertEquals(42L, ((StructValue) structs.get(2)).members().get("my_int"));
        assertEquals(List.of(new Reference("top.sub2.a.f1", null), new Reference("top.sub1.x.f2", null)),
                node(m, "top.sub3").userProperties().get("ref_array"));
    }

    @Test
    public void structParametersAndIncompleteLiterals() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/struct_compositions.rdl", "top");
        RegNode r = reg(m, "top.my_reg");
        assertEquals("hey", r.desc());
        assertEquals("foo", r.name());
        assertEquals("r", field(m, "top.my_reg.x").sw());
        assertEquals("bar", field(m, "top.my_reg.x").name());
        assertEquals(61L, r.userProperties().get("p_int"));
        assertEquals(true, r.userProperties().get("p_bool"));
        ElaboratedModel inc = Corpus.elaborate("systemrdl-compiler/rdl_src/incomplete_struct.rdl", "top");
        StructValue s = (StructValue) field(inc, "top.r1.f1").userProperties().get("struct_prop");
        assertEquals(false, s.members().get("a"));
        assertEquals("", s.members().get("b"));
        assertEquals("rw", s.members().get("c"));
        assertEquals("regalign", s.members().get("d"));
        assertEquals(List.of(), s.members().get("e"));
    }

    @Test
    public void defaultsAndReferences() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/references_default_lhs.rdl", "top");
        assertEquals(new Reference("glbl_sig", null), field(m, "top.reg1.x").properties().get("resetsignal"));
        assertEquals(new Reference("top.reg1.sig", null), field(m, "top.reg1.y").properties().get("resetsignal"));
        assertEquals(new Reference("top.reg1.x", null), field(m, "top.reg1.y").userProperties().get("ref_prop"));
        assertEquals(new Reference("top.reg1.x", "anded"), field(m, "top.reg1.y").properties().get("next"));
        assertEquals(new Reference("top.reg2[1].sig", null), field(m, "top.reg3.z").properties().get("resetsignal"));
        assertEquals(new Reference("top.reg2[0].y", "ored"), field(m, "top.reg3.z").properties().get("next"));
        assertEquals(new Reference("top.reg1", null), field(m, "top.reg3.z").userProperties().get("ref_prop"));
        ElaboratedModel d = Corpus.elaborate("systemrdl-compiler/rdl_src/references_dynamic_lhs.rdl", "top");
        assertEquals(new Reference("top.reg2[1].x", null), node(d, "top.reg2[0]").userProperties().get("ref_prop"));
        assertEquals(new Reference("top.reg2[0].y", "ored"), field(d, "top.reg1.x").properties().get("next"));
        assertEquals(new Reference("glbl_sig", null), field(d, "top.reg1.x").properties().get("resetsignal"));
    }

    @Test
    public void signalsInTheHierarchy() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/signals.rdl", "top");
        assertEquals(8, ((SignalNode) node(m, "top.s1")).width());
        assertEquals(6, ((SignalNode) node(m, "top.r1.s1")).width());
        assertEquals(4, ((SignalNode) node(m, "top.r1.f1.s1")).width());
        ElaboratedModel r = Corpus.elaborate("systemrdl-compiler/rdl_src/signals_and_reset.rdl", "foo");
        assertNull(field(r, "foo.reg1.a").reset());
        assertEquals(new Reference("foo.mySig", null), field(r, "foo.reg1.a").resetReference());
        ElaboratedModel s = Corpus.elaborate("systemrdl-compiler/rdl_src/signals_and_reset.rdl", "top2");
        assertTrue(((SignalNode) node(s, "top2.pci_soft_reset")).activeLow());
        assertEquals(8, reg(s, "top2.PCIE_REG_BIST").width());
    }

    @Test
    public void wideRegistersWithNarrowAccess() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_wide_regs.rdl", null);
        RegNode r = reg(m, "top.rw_reg1");
        assertEquals(64, r.width());
        assertEquals(16, r.accessWidth());
        assertEquals(8, r.size());
        assertEquals(36, field(m, "top.rw_reg1.f3").lsb());
        assertTrue(reg(m, "top.rw_reg1_lsb0").msb0());
        assertFalse(r.msb0());
        assertEquals(0x12345678L, reg(m, "top.r_reg4").reset());
        assertEquals(0x12345678L, reg(m, "top.r_reg3").reset());
        for (RegNode each : m.registers()) {
            assertEquals(each.path(), 0, each.absoluteAddress() % each.size());
        }
        assertEquals(64, ((AddressableNode) node(m, "top.r_reg2")).size() * 8);
    }

    @Test
    public void anUndefinedTypeNamesTheTypeAndTheInstance() {
        UndefinedTypeException e = assertThrows(UndefinedTypeException.class, () -> new RdlCompiler().perl(null)
                .compileText("addrmap chip {\n    otp fuses @ 0x8000;\n};", "chip.rdl"));
        assertEquals("otp", e.typeName());
        assertEquals("fuses", e.instanceName());
        assertEquals("chip.rdl:2:5: type 'otp' is not defined (expected a component type name)", e.getMessage());
    }
}
