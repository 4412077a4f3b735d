package io.halcyon.block.tensor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the tensor engine block sits: which chip's bus, and at which base address. */
@ObjectClassDefinition(name = "Halcyon tensor engine block")
@interface TensorConfig {
    @AttributeDefinition(description = "Absolute base address of the block in the chip's register space.")
    long base_address() default 0x0006_0000L;

    @AttributeDefinition(description = "Filter selecting the chip's RegisterBus.")
    String bus_target() default "(halcyon.chip=0)";
}
