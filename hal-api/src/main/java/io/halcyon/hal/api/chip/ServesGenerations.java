package io.halcyon.hal.api.chip;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Put on a block driver: the chip generations it serves for its block type. bnd turns it into the
 * bundle's {@code Provide-Capability: halcyon.driver;halcyon.block=<type>;halcyon.generation:List<Long>="1,2"},
 * which a platform matches against each chip it publishes ({@code (&(halcyon.block=dma)(halcyon.generation=2))}):
 * a chip whose generation some block type has no installed driver for is reported per block and not
 * configured at all. A programming model that changes incompatibly is a new block type (its own
 * description, configuration PID and bundle), so a driver is never given a block it does not know; the
 * generation says which chips a driver has been written and tested for, and no shared code asks for it.
 */
@Capability(namespace = ServesGenerations.NAMESPACE)
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ServesGenerations {

    /** The capability namespace. */
    String NAMESPACE = "halcyon.driver";

    /** The block type the driver drives, its description's address map ({@code dma}). */
    @Attribute(ChipProperties.BLOCK)
    String block();

    /** The generations served ({@link ChipProperties#GENERATION} values). */
    @Attribute(ChipProperties.GENERATION)
    long[] value();
}
