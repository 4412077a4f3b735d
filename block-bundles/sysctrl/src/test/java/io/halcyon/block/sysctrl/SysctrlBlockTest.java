package io.halcyon.block.sysctrl;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.halcyon.block.sysctrl.regs.SysctrlBlock;
import io.halcyon.block.sysctrl.regs.SysctrlConfig;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** The HardwareBlock service publishes the map generated from sysctrl.rdl. */
public class SysctrlBlockTest {

    private final HardwareBlock block = new SysctrlBlock(Configs.instance(SysctrlConfig.class, "sysctrl1", 0x12_0000));

    @Test
    public void publishesEveryRegisterOfTheDescriptionInAddressOrder() {
        assertEquals("sysctrl1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals(List.of("CHIP_ID@0x0", "VERSION@0x4", "CAPABILITIES@0x8", "SCRATCH@0xc", "SOFT_RESET@0x10",
                "RESET_STATUS@0x14"),
                block.registers().stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList());
    }

    @Test
    public void fieldsAndResetsComeFromTheDescription() {
        RegisterInfo caps = block.register("capabilities").orElseThrow();
        assertEquals(0x43FL, caps.resetValue());
        FieldInfo channels = caps.field("DMA_CHANNELS").orElseThrow();
        assertEquals(8, channels.lsb());
        assertEquals(11, channels.msb());
        assertEquals(Access.R, channels.software());
        FieldInfo reset = block.register("SOFT_RESET").orElseThrow().field("RESET").orElseThrow();
        assertEquals(true, reset.singlePulse());
        assertEquals(Access.RW, reset.software());
        assertEquals("Chip identification", block.register("CHIP_ID").orElseThrow().description());
    }
}
