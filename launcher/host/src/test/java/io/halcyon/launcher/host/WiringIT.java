package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code hal:wiring --json} on a host of each generation: the DMA contract's consumers are wired to the
 * major their import range allows (a consumer of 1.x with {@code [1.0.0,2.0.0)}, a provider with
 * {@code [1.0.0,1.1.0)}, the 2.x port with {@code [2.0.0,3.0.0)}), and the training workload's DMA reference
 * is served through the update manager's stable service by the driver of the chip's generation: the
 * generation-1 driver on generation 1, the 1.x-on-2.x adapter on generation 2.
 */
public class WiringIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void generationOneTrainingIsWiredToDmaOneAndServedByTheGenerationOneDriver() throws Exception {
        String json = wiring("gen1");
        String training = bundle(json, "io.halcyon.consumers.training");
        assertPackage(training, "io.halcyon.hal.api.dma", "1\\.[0-9.]+", "io.halcyon.hal.api", "[1.0.0,2.0.0)");
        assertReference(training, "dma", "io.halcyon.hal.api.dma.DmaEngine", "io.halcyon.block.dma", "(halcyon.chip=0)");
        assertPackage(bundle(json, "io.halcyon.block.dma"), "io.halcyon.hal.api.dma", "1\\.[0-9.]+", "io.halcyon.hal.api", "[1.0.0,1.1.0)");
    }

    @Test
    public void generationTwoTrainingStaysOnDmaOneThroughTheAdapterWhileThePortUsesDmaTwo() throws Exception {
        String json = wiring("gen2");
        String training = bundle(json, "io.halcyon.consumers.training");
        assertPackage(training, "io.halcyon.hal.api.dma", "1\\.[0-9.]+", "io.halcyon.hal.api", "[1.0.0,2.0.0)");
        assertReference(training, "dma", "io.halcyon.hal.api.dma.DmaEngine", "io.halcyon.adapter.dma1.on.dma2", "(halcyon.chip=0)");
        String port = bundle(json, "io.halcyon.adapter.dma2.port");
        assertPackage(port, "io.halcyon.hal.api.dma", "2\\.[0-9.]+", "io.halcyon.hal.api.dma", "[2.0.0,3.0.0)");
        assertReference(port, "Engine", "io.halcyon.hal.api.dma.DmaEngine", "io.halcyon.block.dma2", null);
        assertEquals("no bundle of the generation-1 DMA driver serves anything on generation 2: " + json, -1,
                json.indexOf("\"servedBy\":[{\"bundle\":\"io.halcyon.block.dma\","));
    }

    private String wiring(String chips) throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", chips)).command("hal:wiring --json");
        assertEquals(r.stderr(), 0, r.exitCode());
        String json = r.stdout().strip();
        assertTrue(json, json.startsWith("{\"bundles\":[") && json.endsWith("]}"));
        return json;
    }

    /** The object of one listed bundle (it has a bundleId; a serving bundle inside references has a serviceId), up to the next. */
    private static String bundle(String json, String symbolicName) {
        Matcher at = Pattern.compile("\\{\"bundle\":\"" + Pattern.quote(symbolicName) + "\",\"version\":\"[^\"]+\",\"bundleId\":").matcher(json);
        assertTrue(symbolicName + " listed: " + json, at.find());
        Matcher next = Pattern.compile("\\{\"bundle\":\"[^\"]+\",\"version\":\"[^\"]+\",\"bundleId\":").matcher(json);
        return next.find(at.end()) ? json.substring(at.start(), next.start()) : json.substring(at.start());
    }

    private static void assertPackage(String bundle, String pkg, String versionPattern, String exporter, String range) {
        Matcher m = Pattern.compile("\\{\"package\":\"" + Pattern.quote(pkg) + "\",\"version\":\"(" + versionPattern + ")\",\"exporter\":\""
                + Pattern.quote(exporter) + "\",\"exporterVersion\":\"[^\"]+\",\"range\":\"" + Pattern.quote(range) + "\"\\}").matcher(bundle);
        assertTrue(pkg + " " + versionPattern + " from " + exporter + " with import " + range + " in " + bundle, m.find());
    }

    private static void assertReference(String bundle, String reference, String type, String driver, String target) {
        Matcher m = Pattern.compile("\"reference\":\"" + Pattern.quote(reference) + "\",\"interface\":\"" + Pattern.quote(type)
                + "\",\"target\":" + (target == null ? "null" : "\"" + Pattern.quote(target) + "\"")
                + ",\"servedBy\":\\[\\{\"bundle\":\"" + Pattern.quote(driver) + "\",\"version\":\"[^\"]+\",\"serviceId\":[0-9]+,\"via\":\"io.halcyon.launcher.update\"\\}\\]")
                .matcher(bundle);
        assertTrue(reference + " served by " + driver + " through the update manager in " + bundle, m.find());
    }
}
