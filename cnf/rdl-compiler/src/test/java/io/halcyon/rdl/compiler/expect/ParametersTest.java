package io.halcyon.rdl.compiler.expect;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.RegNode;
import org.junit.Test;

import java.util.List;

import static io.halcyon.rdl.compiler.Models.field;
import static io.halcyon.rdl.compiler.Models.node;
import static io.halcyon.rdl.compiler.Models.reg;
import static org.junit.Assert.assertEquals;

/** Expectations of the reference compiler's test_parameters.py and related parameter tests. */
public class ParametersTest {

    @Test
    public void specExamples() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/parameters.rdl", "myAmap");
        assertReg(reg(m, "myAmap.reg32"), 32, true);
        assertReg(reg(m, "myAmap.reg32_arr[7]"), 32, true);
        assertReg(reg(m, "myAmap.reg16"), 16, true);
        assertReg(reg(m, "myAmap.reg8"), 8, false);
        MemNode mem32 = (MemNode) node(m, "myAmap.mem32");
        assertEquals(4096, mem32.entries());
        assertEquals(32, mem32.width());
        MemNode mem64 = (MemNode) node(m, "myAmap.mem64");
        assertEquals(4096, mem64.entries());
        assertEquals(64, mem64.width());
    }

    private static void assertReg(RegNode r, int width, boolean shared) {
        assertEquals(width, r.width());
        assertEquals(shared, r.properties().get("shared"));
        assertEquals(0, r.fields().get(0).lsb());
        assertEquals(width - 2, r.fields().get(0).msb());
    }

    @Test
    public void parameterTypes() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/param_types.rdl", "param_types");
        assertEquals("myname", reg(m, "param_types.reg1").name());
        assertEquals(false, reg(m, "param_types.reg1").properties().get("shared"));
        assertEquals(List.of("dat"), field(m, "param_types.reg1.data").properties().get("hdl_path_slice"));
        assertEquals("othername", reg(m, "param_types.reg3").name());
        assertEquals(true, reg(m, "param_types.reg3").properties().get("shared"));
        assertEquals(List.of("foo"), field(m, "param_types.reg3.data").properties().get("hdl_path_slice"));
    }

    @Test
    public void nestedParametersSeeTheirOwnScope() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/nested_params.rdl", "nested_params");
        assertEquals(4, field(m, "nested_params.rf_inst.r_inst1.f").width());
        assertEquals(4, field(m, "nested_params.rf_inst.r_inst2.f").width());
        assertEquals(5, field(m, "nested_params.rf_inst.r_inst2.f2").width());
        assertEquals(5, field(m, "nested_params.r1_inst.f").width());
        assertEquals(6, field(m, "nested_params.r1_inst2.f2").width());
    }

    @Test
    public void lexicalParameterScope() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/param_scope.rdl", "param_scope");
        assertEquals(2, field(m, "param_scope.rfX.rf3.rf2.rr.ff").width());
        assertEquals(3, field(m, "param_scope.rfY.rf3.rf2.rr.ff").width());
        assertEquals(1, field(m, "param_scope.rfZ.rf3.rf2.rr.ff").width());
    }

    @Test
    public void topLevelParameterDefaultsAndDynamicAssignments() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/elab_params.rdl", "elab_params");
        assertEquals(1, field(m, "elab_params.r1.f").width());
        assertEquals("woset", field(m, "elab_params.r1.f").onwrite());
        assertEquals(2, field(m, "elab_params.r2.f").width());
        assertEquals(true, field(m, "elab_params.r2.f").donttest());
        assertEquals(3, field(m, "elab_params.r3.f").width());
        assertEquals("default", field(m, "elab_params.r3.f").name());
    }

    @Test
    public void expressionsOverParameters() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/param_expressions.rdl", "top");
        for (String r : new String[] {"top.r1", "top.r3"}) {
            RegNode n = reg(m, r);
            assertEquals(24L, n.userProperties().get("udp1"));
            assertEquals(256L, n.userProperties().get("udp2"));
            assertEquals(256L, n.userProperties().get("udp3"));
            assertEquals(0xAAAAAAAAL, n.userProperties().get("udp4"));
            assertEquals(0xFFL, n.userProperties().get("udp5"));
        }
        RegNode r2 = reg(m, "top.r2");
        assertEquals(16L, r2.userProperties().get("udp1"));
        assertEquals(16L, r2.userProperties().get("udp2"));
        assertEquals(16L, r2.userProperties().get("udp3"));
        assertEquals(0xAAAAL, r2.userProperties().get("udp4"));
        assertEquals(0xFL, r2.userProperties().get("udp5"));
    }

    @Test
    public void parametersInResetsRangesArraysAndAddresses() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/nested_params_root_decl.rdl", "top");
        // rf1[P1/0x100] @ P1 + 0x1000 with top's P1 = 0x1000: 16 elements from 0x2000
        assertEquals(0x2000, ((io.halcyon.rdl.compiler.model.AddressableNode) node(m, "top.rf1[0]")).absoluteAddress());
        assertEquals(16, m.top().children().stream().filter(c -> c.instName().equals("rf1")).count());
        // rr f1[10] = P1 inside rr (P1 = 10); f2 overrides P3 but resets to rr's P2 = 20
        assertEquals(Long.valueOf(10), field(m, "top.rf0.r0.f1").reset());
        assertEquals(Long.valueOf(30), field(m, "top.rf0.r0.f2").reset());
        assertEquals(5L, field(m, "top.rf0.r0.f2").userProperties().get("udp2"));
        assertEquals(50L, field(m, "top.rf0.r0.f0").userProperties().get("udp2"));
    }

    @Test
    public void dynamicAssignmentsUseTheScopeTheyAreWrittenIn() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/nested_params_dpa.rdl", "top");
        assertEquals(1000L, node(m, "top").userProperties().get("udp1"));
        assertEquals(1000L, node(m, "top.rf2").userProperties().get("udp1"));
        assertEquals(100L, node(m, "top.rf1").userProperties().get("udp1"));
        assertEquals(400L, node(m, "top.rf2").userProperties().get("udp2"));
        assertEquals(2000L, node(m, "top.rf2.r2").userProperties().get("udp2"));
        assertEquals(3000L, field(m, "top.rf2.r2.f2").userProperties().get("udp3"));
        assertEquals(200L, field(m, "top.rf1.r2.f2").userProperties().get("udp2"));
        assertEquals(10L, field(m, "top.rf1.r1.f2").userProperties().get("udp1"));
    }
}
