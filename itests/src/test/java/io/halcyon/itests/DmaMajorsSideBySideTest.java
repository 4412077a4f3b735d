package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;

import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * Both majors of the DMA contract in one framework, on a host with a generation-1 chip (chip 0) and a
 * generation-2 chip (chip 1). hal-api exports {@code io.halcyon.hal.api.dma} 1.0.1, the bundle
 * {@code io.halcyon.hal.api.dma} exports 2.0.0. An old consumer (dmacheck-v1, built against 1.x) runs on both
 * chips: on chip 0 through block-dma's driver, on chip 1 through the adapter (dma2-port and dma1-on-dma2) on
 * block-dma2's 2.x engine; a new consumer (dmacheck-v2, built against 2.x) runs on chip 1 at the same time and
 * finds no 2.x engine on chip 0. The test itself names no DMA type: it drives the consumers through their
 * shell commands and reads the wiring from the framework.
 */
@RunWith(PaxExam.class)
public class DmaMajorsSideBySideTest extends HalcyonTestSupport {

    private static final String OLD_CONSUMER = "io.halcyon.consumers.dmacheck.v1";
    private static final String NEW_CONSUMER = "io.halcyon.consumers.dmacheck.v2";
    private static final String DMA = "io.halcyon.hal.api.dma";
    private static final String DMA_ENGINE = DMA + ".DmaEngine";

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return withBundles(withEmulatedChips(super.config(), "reference_gen1,reference_gen2"), "halcyon.itest.dmacheck.v1",
                "halcyon.itest.dmacheck.v2");
    }

    @Test
    public void eachBundleIsWiredToTheMajorItWasBuiltAgainst() {
        assertEquals("1.0.1 from io.halcyon.hal.api", dmaWiring(OLD_CONSUMER));
        assertEquals("2.0.0 from io.halcyon.hal.api.dma", dmaWiring(NEW_CONSUMER));
        assertEquals("1.0.1 from io.halcyon.hal.api", dmaWiring("io.halcyon.block.dma"));
        assertEquals("2.0.0 from io.halcyon.hal.api.dma", dmaWiring("io.halcyon.block.dma2"));
        assertEquals("the adapter's 2.x half", "2.0.0 from io.halcyon.hal.api.dma", dmaWiring("io.halcyon.adapter.dma2.port"));
        assertEquals("the adapter's 1.x half", "1.0.1 from io.halcyon.hal.api", dmaWiring("io.halcyon.adapter.dma1.on.dma2"));
        assertEquals("training, built against 1.x", "1.0.1 from io.halcyon.hal.api", dmaWiring("io.halcyon.consumers.training"));
    }

    @Test
    public void anOldAndANewConsumerCopyAtTheSameTime() throws Exception {
        bringUpEveryChip();
        List<Callable<String>> runs = List.of(
                () -> command("dmacheck1:roundtrip 0 1 1048576 65536"),
                () -> command("dmacheck1:roundtrip 1 2 2097152 65536"),
                () -> command("dmacheck2:roundtrip 1 6 3145728 65536"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(runs.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Callable<String> run : runs) {
                results.add(threads.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            start.countDown();
            String old0 = results.get(0).get(60, TimeUnit.SECONDS);
            String old1 = results.get(1).get(60, TimeUnit.SECONDS);
            String new1 = results.get(2).get(60, TimeUnit.SECONDS);
            assertEquals("chip 0 channel 1: 65536 bytes host->HBM->host identical; 4 channels; 131072 bytes moved; "
                    + "engine of io.halcyon.block.dma.DmaEngineDriver", old0);
            assertTrue(old1, old1.startsWith("chip 1 channel 2: 65536 bytes host->HBM->host identical; 8 channels; "));
            assertTrue("the old consumer on generation 2 goes through the adapter: " + old1, old1.endsWith("engine of dma1-on-dma2"));
            assertTrue(new1, new1.startsWith("chip 1 channel 6: 65536 bytes host->HBM->host identical; 8 channels; "));
            assertTrue(new1, new1.endsWith("engine of io.halcyon.block.dma2.Dma2EngineDriver"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void theNewConsumerFindsNoTwoDotXEngineOnGenerationOne() throws Exception {
        service(TensorEngine.class, CHIP_1);
        try {
            String out = command("dmacheck2:roundtrip 0 0 1048576 4096");
            fail("a 2.x engine on generation 1: " + out);
        } catch (Exception expected) {
            assertEquals("chip 0 has no DMA engine (2.x contract)", expected.getMessage());
        }
    }

    @Test
    public void eachChipHasOneEngineOfEachMajorItCanServe() throws Exception {
        service(TensorEngine.class, CHIP_1);
        // Consumers see the update manager's stable services, which carry the driver's properties.
        assertEquals("chip 0: block-dma's 1.x driver only", List.of("io.halcyon.block.dma.DmaEngineDriver"), engines(true, CHIP_0));
        assertEquals("chip 1: block-dma2's 2.x driver and the 1.x adapter",
                List.of("dma1-on-dma2", "io.halcyon.block.dma2.Dma2EngineDriver"), engines(true, CHIP_1));
        // This probe is compiled against 1.x (HalcyonTestSupport pins its import): only 1.x engines are its to use.
        assertEquals(List.of("io.halcyon.block.dma.DmaEngineDriver"), engines(false, CHIP_0));
        assertEquals(List.of("dma1-on-dma2"), engines(false, CHIP_1));
    }

    /**
     * What serves each DmaEngine matching {@code filter} (the driver component, or the adapter), sorted: of every
     * major ({@code all}), or only those this probe's class space can use.
     */
    private List<String> engines(boolean all, String filter) throws Exception {
        List<String> names = new ArrayList<>();
        ServiceReference<?>[] refs = all ? context.getAllServiceReferences(DMA_ENGINE, filter)
                : context.getServiceReferences(DMA_ENGINE, filter);
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            Object adapter = r.getProperty("halcyon.adapter");
            names.add(String.valueOf(adapter != null ? adapter : r.getProperty("component.name")));
        }
        names.sort(null);
        return names;
    }

    /** ChipBringUp's references (field names), each of which a configuration retargets to its chip. */
    private static final List<String> BRINGUP_REFERENCES = List.of("bus", "platform", "sysctrl", "fuses", "clkrst", "pcie",
            "hbm", "dma", "intc", "tensor", "telemetry");

    /**
     * Brings both chips up. The bring-up component serves chip 0 unless configured: through configuration only,
     * one factory configuration per chip makes one bring-up per chip (each reference's target names the chip).
     */
    private void bringUpEveryChip() throws Exception {
        ConfigurationAdmin cm = service(ConfigurationAdmin.class, "");
        for (String chip : List.of("0", "1")) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("halcyon.chip", chip);
            for (String reference : BRINGUP_REFERENCES) {
                properties.put(reference + ".target", "(halcyon.chip=" + chip + ")");
            }
            properties.put("dmaRegisters.target", "(&(halcyon.chip=" + chip + ")(halcyon.block=dma))");
            cm.getFactoryConfiguration("io.halcyon.consumers.bringup.ChipBringUp", "chip" + chip, "?").update(properties);
        }
        service(BringUp.class, CHIP_0).bringUp();
        service(BringUp.class, CHIP_1).bringUp();
    }

    /** "VERSION from EXPORTER" of the {@code io.halcyon.hal.api.dma} the bundle is wired to. */
    private String dmaWiring(String symbolicName) {
        Bundle bundle = installedBundle(symbolicName);
        List<String> wired = new ArrayList<>();
        for (BundleWire wire : bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (DMA.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                wired.add(wire.getCapability().getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) + " from "
                        + wire.getProvider().getSymbolicName());
            }
        }
        assertEquals(symbolicName + " wired to one io.halcyon.hal.api.dma: " + wired, 1, wired.size());
        return wired.get(0);
    }
}
