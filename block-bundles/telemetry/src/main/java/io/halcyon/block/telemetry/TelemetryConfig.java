package io.halcyon.block.telemetry;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the telemetry block sits: which chip's bus, and at which base address. */
@ObjectClassDefinition(name = "Halcyon telemetry block")
@interface TelemetryConfig {
    @AttributeDefinition(description = "Absolute base address of the block in the chip's register space.")
    long base_address() default 0x0007_0000L;

    @AttributeDefinition(description = "Filter selecting the chip's RegisterBus.")
    String bus_target() default "(halcyon.chip=0)";
}
