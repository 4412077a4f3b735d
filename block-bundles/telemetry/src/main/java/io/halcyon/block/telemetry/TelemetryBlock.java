package io.halcyon.block.telemetry;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.halcyon.block.telemetry.regs.TelemetryMap;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** Publishes the block's register map, generated from telemetry.rdl, for shells, dumps and register tests. */
@Component(property = {HardwareBlock.BLOCK + "=telemetry", "halcyon.chip=0"}, configurationPid = "io.halcyon.block.telemetry.TelemetryDriver")
public class TelemetryBlock implements HardwareBlock {

    private final long base;

    @Activate
    public TelemetryBlock(TelemetryConfig config) {
        this.base = config.base_address();
    }

    @Override
    public String name() {
        return TelemetryMap.BLOCK;
    }

    @Override
    public String description() {
        return TelemetryMap.DESCRIPTION;
    }

    @Override
    public long baseAddress() {
        return base;
    }

    @Override
    public List<RegisterInfo> registers() {
        return TelemetryMap.REGISTERS;
    }
}
