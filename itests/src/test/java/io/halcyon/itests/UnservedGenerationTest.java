package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.IOException;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * A host without the generation-2 DMA driver (block-dma2 left out of the assembly) and a chip of each
 * generation: the generation-1 chip is published and served; the generation-2 chip, whose DMA block no
 * installed driver serves, is refused as a whole: no bus, no block configuration, so no driver of any of
 * its blocks is made and its bring-up cannot start half-way.
 */
@RunWith(PaxExam.class)
public class UnservedGenerationTest extends HalcyonTestSupport {

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return withEmulatedChips(config(jar -> !jar.getFileName().toString().startsWith("block-dma2-")), "reference_gen1,reference_gen2");
    }

    @Test
    public void theUnservedChipIsNotPublishedAtAllWhileTheServedOneWorks() throws Exception {
        assertEquals("the generation-1 chip is up", 1, service(SystemControl.class, CHIP_0).identity().generation());
        ConfigurationAdmin cm = service(ConfigurationAdmin.class, "");
        // Block configurations only: chip 0's bring-up has a configuration of its own (halcyon.chip, no halcyon.block).
        assertEquals("chip 0: one block configuration per block", 9, cm.listConfigurations("(&" + CHIP_0 + "(halcyon.block=*))").length);
        // The platform decides about every chip in its activation: once that has returned, chip 1 was refused.
        awaitActive("io.halcyon.platform.emulation.EmulationPlatform");
        assertNull("no block configuration of chip 1", cm.listConfigurations(CHIP_1));
        assertNull("no bus of chip 1", context.getServiceReferences(RegisterBus.class.getName(), CHIP_1));
    }

    /** Waits (bounded, no sleep: SCR offers no event for it) until the component's activate method has returned. */
    private void awaitActive(String component) {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class, "");
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (scr.getComponentDescriptionDTOs().stream().filter(d -> d.name.equals(component))
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream()).noneMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(component + " not active within " + SERVICE_TIMEOUT);
            }
            Thread.onSpinWait();
        }
    }
}
