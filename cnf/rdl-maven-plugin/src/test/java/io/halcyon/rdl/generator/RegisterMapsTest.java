package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.BeforeClass;
import org.junit.Test;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.MemoryInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * The test metadata in register maps, and {@link RegisterMaps} (the run-time converter) giving exactly
 * what the generated {@code <Block>Map} holds, for the same description.
 */
public class RegisterMapsTest {

    private static ElaboratedModel model;
    private static List<RegisterInfo> generated;
    private static List<MemoryInfo> generatedMemories;

    @BeforeClass
    @SuppressWarnings("unchecked")
    public static void generate() throws Exception {
        model = GeneratedCode.elaborate(GeneratedCode.resource("testmeta.rdl"));
        GeneratedCode code = GeneratedCode.from(model, "test.meta.regs");
        generated = (List<RegisterInfo>) code.constant("TestmetaMap", "REGISTERS");
        generatedMemories = (List<MemoryInfo>) code.constant("TestmetaMap", "MEMORIES");
    }

    @Test
    public void converterAndGeneratedMapAgree() {
        assertEquals(generated, RegisterMaps.registers(model, model.top()));
        assertEquals(generatedMemories, RegisterMaps.memories(model, model.top()));
    }

    @Test
    public void converterAgreesWithTheGeneratedMapOfTheAccessPolicyBlock() throws Exception {
        ElaboratedModel blk = GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl"));
        Object map = GeneratedCode.from(blk, "test.meta.blk").constant("BlkMap", "REGISTERS");
        assertEquals(map, RegisterMaps.registers(blk, blk.top()));
    }

    @Test
    public void fieldsCarryTheTestMetadata() {
        RegisterInfo ctrl = generated.get(0);
        assertTrue(field(ctrl, "SKIP").dontTest());
        assertFalse(field(ctrl, "SKIP").dontCompare());
        assertTrue(field(ctrl, "NOCMP").dontCompare());
        assertTrue(field(ctrl, "GATED").writeEnabledByHardware());
        assertTrue("hwset makes a field volatile although hw=r", field(ctrl, "HWSET").hardwareUpdated());
        assertTrue("a counter is volatile", field(ctrl, "COUNT").hardwareUpdated());
        FieldInfo plain = field(ctrl, "PLAIN");
        assertFalse(plain.dontTest() || plain.dontCompare() || plain.hardwareUpdated() || plain.writeEnabledByHardware());
    }

    @Test
    public void registersCarryExternalAndAlias() {
        assertEquals(List.of("CTRL", "CTRL_ALIAS", "EXT"), generated.stream().map(RegisterInfo::name).toList());
        assertEquals(Optional.of("CTRL"), generated.get(1).aliasOf());
        assertEquals(Optional.empty(), generated.get(0).aliasOf());
        assertTrue(generated.get(2).external());
        assertFalse(generated.get(0).external());
    }

    @Test
    public void memoriesAreListed() {
        assertEquals(1, generatedMemories.size());
        MemoryInfo table = generatedMemories.get(0);
        assertEquals("TABLE", table.name());
        assertEquals(0x100, table.offset());
        assertEquals(16, table.entries());
        assertEquals(32, table.width());
        assertEquals(Access.RW, table.software());
        assertTrue(table.external());
        assertEquals(64, table.sizeBytes());
    }

    private static FieldInfo field(RegisterInfo r, String name) {
        return r.field(name).orElseThrow();
    }
}
