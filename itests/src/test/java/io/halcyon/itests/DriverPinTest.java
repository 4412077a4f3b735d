package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;

import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * A consumer pins the driver version that serves it through configuration only (its component's
 * {@code engines.target} filters on {@code halcyon.driver.version}, which the update manager's stable
 * services carry), and a hot deploy of a newer driver moves every other consumer while the pinned one stays
 * on its version: the manager keeps the old version installed behind a stable service of its own and says
 * so in the record.
 */
@RunWith(PaxExam.class)
public class DriverPinTest extends HalcyonTestSupport {

    private static final String BLOCK_DMA = "io.halcyon.block.dma";
    private static final String PINNED = "io.halcyon.consumers.dmacheck.v1";
    private static final String PINNED_COMPONENT = "io.halcyon.consumers.dmacheck.v1.RoundTrip";

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return withBundles(super.config(), "halcyon.itest.dmacheck.v1");
    }

    @Test
    public void aPinnedConsumerStaysOnItsDriverAcrossAHotDeployWhileTheOthersMove() throws Exception {
        service(BringUp.class, CHIP_0).bringUp();
        Bundle running = installedBundle(BLOCK_DMA);
        String pinnedVersion = running.getVersion().toString();
        String pin = "(&(halcyon.chip=0)(halcyon.driver.version=" + pinnedVersion + "))";
        Hashtable<String, Object> configuration = new Hashtable<>();
        configuration.put("engines.target", pin);
        service(ConfigurationAdmin.class, "").getConfiguration(PINNED_COMPONENT, "?").update(configuration);
        await(() -> boundVersions(PINNED, "engines", pin), List.of(pinnedVersion), "the pin applied");

        Path next = ManifestEdit.copyWith(running.getLocation(), Map.of(Constants.BUNDLE_VERSION, "8.3.0"));
        UpdateRecord r = HotDeploy.write(context, next, "dma-next.jar");

        assertEquals(r.summary(), Outcome.UPDATED, r.outcome());
        assertEquals(r.detail(), "kept " + BLOCK_DMA + " " + pinnedVersion + " installed and serving " + PINNED
                + ", pinned to it by configuration (halcyon.driver.version)", r.detail());
        List<Bundle> dma = Arrays.stream(context.getBundles()).filter(b -> BLOCK_DMA.equals(b.getSymbolicName())).toList();
        assertEquals("both versions installed: " + dma, 2, dma.size());
        assertTrue("both active: " + dma, dma.stream().allMatch(b -> b.getState() == Bundle.ACTIVE));
        assertEquals("the unpinned consumers moved: bring-up", List.of("8.3.0"), boundVersions("io.halcyon.consumers.bringup", "dma", null));
        // The training bundle's two components (one chip's workload, data-parallel over all chips) both moved; the
        // held version is seen by the pinned consumer only, so the data-parallel one's multiple reference does not bind it.
        List<String> training = boundVersions("io.halcyon.consumers.training", "dma", null);
        assertEquals("and training: " + training, List.of("8.3.0"), training.stream().distinct().toList());
        await(() -> boundVersions(PINNED, "engines", pin), List.of(pinnedVersion), "the pinned consumer on its version");
        String out = command("dmacheck1:roundtrip 0 1 1048576 65536");
        assertTrue("the pinned consumer's calls work on the held version: " + out,
                out.startsWith("chip 0 channel 1: 65536 bytes host->HBM->host identical; 4 channels; 131072 bytes moved"));
    }

    /** Versions of the drivers bound to {@code reference} of the bundle's component configurations (with this target, if given). */
    private List<String> boundVersions(String symbolicName, String reference, String target) {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class, "");
        List<String> versions = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(installedBundle(symbolicName))) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                for (SatisfiedReferenceDTO s : c.satisfiedReferences) {
                    if (s.name.equals(reference) && (target == null || target.equals(s.target))) {
                        Arrays.stream(s.boundServices).forEach(ref -> versions.add(String.valueOf(ref.properties.get("halcyon.driver.version"))));
                    }
                }
            }
        }
        return versions;
    }

    /** Waits until {@code actual} gives {@code expected} (DS rebinds on its own thread), at most the service timeout. */
    private static void await(Supplier<List<String>> actual, List<String> expected, String what) throws InterruptedException {
        long end = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        List<String> now = actual.get();
        while (!expected.equals(now) && System.nanoTime() < end) {
            Thread.onSpinWait();
            Thread.sleep(10); // polling a condition with a bound, not waiting for time to pass
            now = actual.get();
        }
        assertEquals(what, expected, now);
    }
}
