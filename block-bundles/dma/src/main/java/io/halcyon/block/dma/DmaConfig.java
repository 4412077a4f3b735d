package io.halcyon.block.dma;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the DMA engine block sits: which chip's bus, and at which base address. */
@ObjectClassDefinition(name = "Halcyon DMA engine block")
@interface DmaConfig {
    @AttributeDefinition(description = "Absolute base address of the block in the chip's register space.")
    long base_address() default 0x0004_0000L;

    @AttributeDefinition(description = "Filter selecting the chip's RegisterBus.")
    String bus_target() default "(halcyon.chip=0)";
}
