package io.halcyon.block.telemetry;

import io.halcyon.block.telemetry.regs.TelemetryBlock;
import io.halcyon.block.telemetry.regs.TelemetryConfig;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.halcyon.block.testsupport.Configs;
import io.halcyon.hal.api.regmap.HardwareBlock;

/** The HardwareBlock service publishes the map generated from telemetry.rdl at the configured base. */
public class TelemetryBlockTest {

    @Test
    public void publishesTheDescriptionsRegistersAtTheConfiguredBase() {
        HardwareBlock block = new TelemetryBlock(Configs.instance(TelemetryConfig.class, "telemetry1", 0x12_0000));
        assertEquals("telemetry1", block.name());
        assertEquals(0x12_0000, block.baseAddress());
        assertEquals(List.of("TEMP[0]@0x0", "TEMP[1]@0x4", "TEMP[2]@0x8", "TEMP[3]@0xc", "POWER@0x10", "TEMP_THRESHOLD@0x20",
                "POWER_THRESHOLD@0x24", "ALARM@0x28"),
                block.registers().stream().map(r -> r.name() + "@0x" + Long.toHexString(r.offset())).toList());
    }
}
