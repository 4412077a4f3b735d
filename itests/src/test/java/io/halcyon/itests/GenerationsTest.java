package io.halcyon.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceReference;

import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * One host with a generation-1 chip (chip 0, reference_gen1) and a generation-2 chip (chip 1,
 * reference_gen2): each chip's DMA engine is driven by the driver of its own generation, and neither
 * driver is ever made for the other chip. The generation comes from the chip's identity, as the
 * platform publishes it.
 */
@RunWith(PaxExam.class)
public class GenerationsTest extends HalcyonTestSupport {

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return withEmulatedChips(super.config(), "reference_gen1,reference_gen2");
    }

    @Test
    public void thePlatformPublishesEachChipsGenerationFromItsIdentity() throws Exception {
        service(PlatformInfo.class, CHIP_1);
        assertEquals(1L, context.getServiceReferences(PlatformInfo.class.getName(), CHIP_0)[0].getProperty("halcyon.generation"));
        assertEquals(2L, context.getServiceReferences(PlatformInfo.class.getName(), CHIP_1)[0].getProperty("halcyon.generation"));
    }

    @Test
    public void eachGenerationsDmaDriverServesOnlyItsOwnChip() {
        assertEquals("generation 1: four channels", 4, service(DmaEngine.class, CHIP_0).channels());
        assertEquals("generation 2: eight channels", 8, service(DmaEngine.class, CHIP_1).channels());
        // Configurations reach the drivers asynchronously: wait for chip 1's last shared block (tensor) too.
        service(TensorEngine.class, CHIP_1);
        assertEquals(Set.of("0"), chipsServedBy("io.halcyon.block.dma"));
        assertEquals(Set.of("1"), chipsServedBy("io.halcyon.block.dma2"));
        assertEquals("blocks both generations share serve both chips", Set.of("0", "1"), chipsServedBy("io.halcyon.block.tensor"));
    }

    /**
     * The chips ({@code halcyon.chip}) of the services a block bundle registered for block configurations
     * (services of the bundle that belong to no chip are left out).
     */
    private Set<String> chipsServedBy(String bundle) {
        Set<String> chips = new TreeSet<>();
        ServiceReference<?>[] registered = installedBundle(bundle).getRegisteredServices();
        for (ServiceReference<?> r : registered == null ? new ServiceReference<?>[0] : registered) {
            if (r.getProperty("halcyon.chip") != null) {
                chips.add(String.valueOf(r.getProperty("halcyon.chip")));
            }
        }
        return chips;
    }
}
