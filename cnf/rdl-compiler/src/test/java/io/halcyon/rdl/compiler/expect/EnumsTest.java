package io.halcyon.rdl.compiler.expect;

import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.EnumType;
import io.halcyon.rdl.compiler.model.FieldNode;
import org.junit.Test;

import java.util.List;

import static io.halcyon.rdl.compiler.Models.field;
import static io.halcyon.rdl.compiler.Models.reg;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

/** Expectations of the reference compiler's test_enums.py and PeakRDL-regblock's test_enum bench. */
public class EnumsTest {

    @Test
    public void enumParametersDriveResets() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/enums.rdl", "enum_test1");
        assertEquals(Long.valueOf(5), field(m, "enum_test1.reg1.f_default").reset());
        assertEquals(Long.valueOf(1), field(m, "enum_test1.reg1.f_zero").reset());
        assertEquals(Long.valueOf(2), field(m, "enum_test1.reg1.f_one").reset());
        assertEquals(Long.valueOf(4), field(m, "enum_test1.reg1.f_three").reset());
        assertEquals(Long.valueOf(5), field(m, "enum_test1.reg1.f_four").reset());
        assertEquals(Long.valueOf(6), field(m, "enum_test1.reg1.f_five").reset());
    }

    @Test
    public void enumMembersCarryValuesNamesAndDescriptions() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/enums.rdl", "enum_test1");
        EnumType e = field(m, "enum_test1.reg1.f_default").encode();
        assertEquals("my_enum", e.name());
        assertEquals(List.of("zero", "one", "three", "four", "five"), e.members().stream().map(EnumType.Member::name).toList());
        assertEquals(List.of(0L, 1L, 3L, 4L, 5L), e.members().stream().map(EnumType.Member::value).toList());
        EnumType.Member five = e.byValue(5);
        assertEquals("five's [b]name[/b]", five.displayName());
        assertEquals("this is five", five.desc());
        assertNull(e.byValue(0).displayName());
        assertSame("one enum type object per definition", e, field(m, "enum_test1.reg1.f_five").encode());
    }

    @Test
    public void enumNamesThatAreHostileElsewhereWork() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/enums.rdl", "enum_test1");
        for (int i = 0; i < 8; i++) {
            FieldNode f = field(m, "enum_test1.reg2.f" + i);
            assertEquals("__init__", f.encode().name());
            assertEquals(Long.valueOf(i), f.reset());
        }
    }

    @Test
    public void regblockEnumField() {
        ElaboratedModel m = Corpus.elaborate("peakrdl-regblock/test_enum.rdl", null);
        FieldNode f = field(m, "top.r0.f");
        assertEquals(Long.valueOf(4), f.reset());
        assertEquals("my_enum", f.encode().name());
        assertEquals("Value 1", f.encode().byValue(3).displayName());
        assertEquals("Second value", f.encode().byValue(4).desc());
        assertEquals(4L, reg(m, "top.r0").reset());
    }

    @Test
    public void enumValuesInExpressions() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/enums_in_expressions.rdl", null);
        assertEquals(3L + 5, reg(m, "enum_expr_test.add").userProperties().get("int_prop"));
        assertEquals(2L, reg(m, "enum_expr_test.sub").userProperties().get("int_prop"));
        assertEquals(6L, reg(m, "enum_expr_test.mul").userProperties().get("int_prop"));
        assertEquals(6L, reg(m, "enum_expr_test.div").userProperties().get("int_prop"));
        assertEquals(2L, reg(m, "enum_expr_test.mod").userProperties().get("int_prop"));
        assertEquals(8L, reg(m, "enum_expr_test.and").userProperties().get("int_prop"));
        assertEquals(13L, reg(m, "enum_expr_test.or").userProperties().get("int_prop"));
        assertEquals(5L, reg(m, "enum_expr_test.xor").userProperties().get("int_prop"));
        assertEquals(0x220D10L, reg(m, "enum_expr_test.concat3").userProperties().get("int_prop"));
        assertEquals(0x0C10L, reg(m, "enum_expr_test.concat1").userProperties().get("int_prop"));
    }

    @Test
    public void scopedEnumsResolveInnermostFirst() {
        ElaboratedModel m = Corpus.elaborate("systemrdl-compiler/rdl_src/scopes.rdl", "scope_test");
        assertEquals("f1_enum", field(m, "scope_test.r1.f1").encode().name());
        assertEquals("root_enum", field(m, "scope_test.r1.f2").encode().name());
        assertEquals("f3_enum", field(m, "scope_test.r1.f3").encode().name());
        assertEquals("f1_enum", field(m, "scope_test.r2.f1").encode().name());
    }
}
