package io.halcyon.rdl.generator;

import static io.halcyon.rdl.generator.GeneratedCode.call;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

import io.halcyon.hal.api.register.FieldValueTooWideException;

/**
 * Registers that are instances of one named definition and elaborate alike share one value type and
 * one accessor class ({@code shared.rdl}); each still has its own accessor method, address and path.
 */
public class SharedRegisterClassesTest {

    private static final long BASE = 0x8000;
    private static GeneratedCode code;
    private final RecordingBus bus = new RecordingBus();

    @BeforeClass
    public static void generate() throws Exception {
        code = GeneratedCode.fromResource("shared.rdl", "test.shared.regs");
    }

    private Object shared() {
        return code.accessor("Shared", bus, BASE);
    }

    @Test
    public void instancesOfOneTypeShareTheirClassesNamedAfterTheType() {
        Object core = call(shared(), "corePll");
        Object hbm = call(shared(), "hbmPll");
        assertEquals("PllCtrlRegister", core.getClass().getSimpleName());
        assertSame(core.getClass(), hbm.getClass());
        assertNull(code.source("CorePll"));
        assertNull(code.source("HbmPllRegister"));
        assertEquals(BASE + 0x4, call(hbm, "address"));
        assertEquals("shared.HBM_PLL", call(hbm, "path"));
        // An array of the type has indices to carry: an accessor of its own, named after it.
        Object aux = call(shared(), "auxPll", 1);
        assertEquals("AuxPllRegister", aux.getClass().getSimpleName());
        assertEquals(BASE + 0x18, call(aux, "address"));
        assertEquals("shared.AUX_PLL[1]", call(aux, "path"));
    }

    @Test
    public void eachRegisterIsAccessedAtItsOwnAddress() {
        Object value = call(code.constant("PllCtrl", "RESET"), "withEn", true);
        call(call(shared(), "hbmPll"), "write", value);
        bus.set(BASE, 0x0001_0a01L);
        call(call(shared(), "corePll"), "clearLost");
        assertEquals(List.of("W32 0x8004=0xa01", "R32 0x8000", "W32 0x8000=0x10a01"), bus.log);
    }

    @Test
    public void aSharedValueNamesItsTypeInTextAndErrors() {
        Object reset = code.constant("PllCtrl", "RESET");
        assertEquals("pll_ctrl_r{EN=0x0, MULT=0xa, LOST=0x0}", reset.toString());
        FieldValueTooWideException e = assertThrows(FieldValueTooWideException.class, () -> call(reset, "withMult", 0x100));
        assertEquals("shared.pll_ctrl_r.MULT", e.field());
    }

    @Test
    public void anInstanceChangedByAnAssignmentAnonymousRegistersAndClashingNamesKeepClassesOfTheirOwn() {
        assertNotNull(code.source("OddPll"));
        assertEquals(0x300, call(code.constant("OddPll", "RESET"), "bits"));
        assertNotNull(code.source("A"));
        assertNotNull(code.source("B"));
        // MODE is a register, so the shared class of mode_r keeps the suffix.
        assertNotNull(code.source("Mode"));
        assertNotNull(code.source("ModeR"));
        assertEquals("ModeRRegister", call(shared(), "mode1").getClass().getSimpleName());
    }

    @Test
    public void theRegisterMapListsEveryInstanceWithTheSharedFields() {
        @SuppressWarnings("unchecked")
        List<io.halcyon.hal.api.regmap.RegisterInfo> map =
                (List<io.halcyon.hal.api.regmap.RegisterInfo>) code.constant("SharedMap", "REGISTERS");
        List<String> names = map.stream().map(io.halcyon.hal.api.regmap.RegisterInfo::name).toList();
        assertEquals(List.of("CORE_PLL", "HBM_PLL", "AUX_PLL[0]", "AUX_PLL[1]", "ODD_PLL", "A", "B", "MODE0", "MODE1",
                "MODE"), names);
        assertSame(map.get(0).fields(), map.get(1).fields());
        assertEquals(0xa00L, map.get(3).resetValue());
        assertEquals(0x300L, map.get(4).resetValue());
    }
}
