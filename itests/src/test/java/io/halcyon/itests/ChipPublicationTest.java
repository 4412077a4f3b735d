package io.halcyon.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * The emulation platform publishes what the chip map says: the chip it identified, and one block
 * configuration per block instance, from which each block's driver and register map are made at the
 * instance's base.
 */
@RunWith(PaxExam.class)
public class ChipPublicationTest extends HalcyonTestSupport {

    /** reference_gen1: every block in a 64 KiB window of its own, in this order. */
    private static final List<String> BLOCKS = List.of("sysctrl", "clkrst", "pcie", "hbm", "dma", "intc", "tensor", "telemetry",
            "otp");

    @Test
    public void theBusOfChip0NamesTheChipMapItsIdentityMatched() throws Exception {
        service(RegisterBus.class, CHIP_0);
        ServiceReference<?> bus = context.getServiceReferences(RegisterBus.class.getName(), CHIP_0)[0];
        assertEquals("reference_gen1", bus.getProperty("halcyon.chipmap"));
        assertEquals("emulation", bus.getProperty("halcyon.platform"));
        assertEquals("0", bus.getProperty("halcyon.chip"));
    }

    @Test
    public void oneMultiLocationFactoryConfigurationPerBlockInstance() throws Exception {
        service(RegisterBus.class, CHIP_0);
        ConfigurationAdmin cm = service(ConfigurationAdmin.class, "");
        Map<String, String> found = new TreeMap<>();
        for (Configuration c : cm.listConfigurations("(&(halcyon.chip=0)(halcyon.platform=emulation))")) {
            found.put(c.getPid(), c.getBundleLocation() + " " + c.getFactoryPid() + " " + c.getProperties().get("halcyon.block")
                    + "@0x" + Long.toHexString((Long) c.getProperties().get("base.address")) + " "
                    + c.getProperties().get("bus.target") + " " + c.getProperties().get("halcyon.chipmap"));
        }
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < BLOCKS.size(); i++) {
            String b = BLOCKS.get(i);
            expected.put("io.halcyon.block." + b + "~chip0." + b, "? io.halcyon.block." + b + " " + b + "@0x" + Long.toHexString(i * 0x1_0000L)
                    + " (&(halcyon.chip=0)(halcyon.platform=emulation)) reference_gen1");
        }
        assertEquals(expected, found);
    }

    @Test
    public void everyBlocksRegisterMapServesAtTheBaseOfItsConfiguration() {
        for (int i = 0; i < BLOCKS.size(); i++) {
            HardwareBlock block = service(HardwareBlock.class, "(&" + CHIP_0 + "(" + HardwareBlock.BLOCK + "=" + BLOCKS.get(i) + "))");
            assertEquals(BLOCKS.get(i), block.name());
            assertEquals(BLOCKS.get(i), i * 0x1_0000L, block.baseAddress());
        }
    }
}
