package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.sysctrl.ChipIdentity;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * The sysctrl driver bundle against the emulation platform bundle, through their services only.
 * The methods share one emulated chip, so none assumes the scratch or reset count another left.
 */
@RunWith(PaxExam.class)
public class EmulatedSysctrlTest extends HalcyonTestSupport {

    private static final String SYSCTRL_BLOCK = "(&" + CHIP_0 + "(" + HardwareBlock.BLOCK + "=sysctrl))";

    @Test
    public void platformIsEmulationOfChip0() {
        PlatformInfo info = service(PlatformInfo.class, CHIP_0);
        assertEquals(PlatformKind.EMULATION, info.kind());
        assertEquals(0, info.chipInstance());
    }

    @Test
    public void identityIsTheReferenceChip() {
        ChipIdentity id = service(SystemControl.class, CHIP_0).identity();
        assertEquals("chip id (ASCII 'HLCY')", 0x484C4359, id.chipId());
        assertEquals("generation", 1, id.generation());
        assertEquals("revision", 1, id.revision());
    }

    @Test
    public void scratchRoundTrip() {
        SystemControl sysctrl = service(SystemControl.class, CHIP_0);
        // Two patterns with every bit flipped between them, so a stuck bit or a no-op write fails.
        for (int value : new int[] {0xA5A5_5A5A, 0x5A5A_A5A5}) {
            sysctrl.scratch(value);
            assertEquals(String.format("scratch after writing 0x%08x", value), value, sysctrl.scratch());
        }
    }

    @Test
    public void softResetClearsScratchAndCountsTheReset() {
        SystemControl sysctrl = service(SystemControl.class, CHIP_0);
        sysctrl.scratch(0x1234_5678);
        int before = sysctrl.resetCount();

        sysctrl.softReset();

        assertEquals("scratch after soft reset", 0, sysctrl.scratch());
        // The hardware counter is 8 bits wide and wraps.
        assertEquals("reset count", (before + 1) & 0xFF, sysctrl.resetCount());
    }

    @Test
    public void sysctrlBlockListsItsRegistersAtTheirOffsets() {
        HardwareBlock block = service(HardwareBlock.class, SYSCTRL_BLOCK);
        assertEquals("sysctrl", block.name());
        assertEquals(0L, block.baseAddress());

        List<RegisterInfo> regs = block.registers();
        assertEquals(List.of("CHIP_ID", "VERSION", "CAPABILITIES", "SCRATCH", "SOFT_RESET", "RESET_STATUS"),
                regs.stream().map(RegisterInfo::name).collect(Collectors.toList()));
        assertEquals(List.of(0x00L, 0x04L, 0x08L, 0x0CL, 0x10L, 0x14L),
                regs.stream().map(RegisterInfo::offset).collect(Collectors.toList()));
        for (RegisterInfo r : regs) {
            assertEquals(r.name() + " width", 32, r.width());
            assertTrue(r.name() + " has fields", !r.fields().isEmpty());
        }
    }

    @Test
    public void registerMapAgreesWithTheChip() {
        // The published map and the chip must describe the same hardware: the constant registers
        // read back their documented reset values at the published addresses.
        HardwareBlock block = service(HardwareBlock.class, SYSCTRL_BLOCK);
        RegisterBus bus = service(RegisterBus.class, CHIP_0);
        for (String name : List.of("CHIP_ID", "VERSION", "CAPABILITIES")) {
            RegisterInfo r = block.register(name).orElseThrow(() -> new AssertionError("no register " + name));
            assertEquals(name + " read from the chip", r.resetValue(),
                    Integer.toUnsignedLong(bus.read32(block.baseAddress() + r.offset())));
        }
        RegisterInfo status = block.register("RESET_STATUS").orElseThrow();
        long done = status.field("RESET_DONE").orElseThrow().mask();
        assertNotEquals("RESET_DONE with no reset in flight", 0L,
                bus.read32(block.baseAddress() + status.offset()) & done);
    }
}
