package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;

/**
 * Pins nothing satisfies are told once, naming what is on offer, and the host keeps running: a consumer
 * jar in the hot-deploy directory whose import range no export satisfies, and a consumer configured to a
 * driver version that is not installed. Each is told again neither by FileInstall's later polls nor by a
 * later swap (which re-checks every pin).
 */
@RunWith(PaxExam.class)
public class PinProblemsTest extends HalcyonTestSupport {

    private static final String PROBLEMS = "halcyon.update.problems";

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return withBundles(super.config(), "halcyon.itest.dmacheck.v1");
    }

    @Test
    public void anImportRangeNoExportSatisfiesIsToldOnceWithTheVersionsOnOffer() throws Exception {
        Path dir = Files.createDirectories(Path.of(context.getProperty("felix.fileinstall.dir")));
        Path jar = Files.createTempFile("halcyon-itest-needs3-", ".jar");
        Files.write(jar, UpdateRoutesTest.manifestOnly(Map.of(Constants.BUNDLE_SYMBOLICNAME, "io.halcyon.itest.needs3",
                Constants.BUNDLE_VERSION, "1.0.0", Constants.IMPORT_PACKAGE, "io.halcyon.hal.api.dma;version=\"[3.0,4)\"")));
        Files.move(jar, dir.resolve("needs3.jar"));
        String told = awaitProblem(p -> p.startsWith("io.halcyon.itest.needs3 1.0.0 "));
        assertTrue(told, told.startsWith("io.halcyon.itest.needs3 1.0.0 imports io.halcyon.hal.api.dma [3.0,4), which no installed bundle "
                + "exports (on offer: "));
        assertTrue("both majors on offer: " + told, told.contains(" from io.halcyon.hal.api,") || told.contains(" from io.halcyon.hal.api)"));
        assertTrue("both majors on offer: " + told, told.contains("2.0.0 from io.halcyon.hal.api.dma"));

        // FileInstall polls on (every 500 ms here) and tries to start it each time; a swap it decides later proves it did.
        Bundle sysctrl = installedBundle(BLOCK_SYSCTRL);
        Path next = ManifestEdit.copyWith(sysctrl.getLocation(), Map.of(Constants.BUNDLE_VERSION, "8.4.0"));
        assertEquals(Outcome.UPDATED, HotDeploy.write(context, next, "sysctrl-next.jar").outcome());
        assertEquals("told once: " + problems(), 1, problems().stream().filter(p -> p.startsWith("io.halcyon.itest.needs3 ")).count());
        Bundle needs3 = Arrays.stream(context.getBundles()).filter(b -> "io.halcyon.itest.needs3".equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
        assertEquals("installed, not resolved", Bundle.INSTALLED, needs3.getState());
        assertTrue("the host keeps running", service(TensorEngine.class, CHIP_0).busyCycles() >= 0);
        Files.deleteIfExists(dir.resolve("needs3.jar"));
        needs3.uninstall(); // now, not at FileInstall's next poll: the next test expects every bundle started
    }

    @Test
    public void aPinToADriverVersionThatIsNotInstalledIsToldOnce() throws Exception {
        String installed = installedBundle("io.halcyon.block.dma").getVersion().toString();
        Hashtable<String, Object> configuration = new Hashtable<>();
        configuration.put("engines.target", "(&(halcyon.chip=0)(halcyon.driver.version=9.9.9))");
        service(ConfigurationAdmin.class, "").getConfiguration("io.halcyon.consumers.dmacheck.v1.RoundTrip", "?").update(configuration);
        String told = awaitProblem(p -> p.startsWith("io.halcyon.consumers.dmacheck.v1 pins "));
        assertTrue(told, told.contains("(halcyon.driver.version=9.9.9)"));
        assertTrue(told, told.endsWith(", which no installed driver satisfies (installed for that reference: io.halcyon.block.dma " + installed
                + "); it stays unbound until one does"));

        // A swap of another block changes stable services, which makes every pin be checked again.
        Bundle tensor = installedBundle("io.halcyon.block.tensor");
        Path next = ManifestEdit.copyWith(tensor.getLocation(), Map.of(Constants.BUNDLE_VERSION, "8.5.0"));
        assertEquals(Outcome.UPDATED, HotDeploy.write(context, next, "tensor-next.jar").outcome());
        assertEquals("told once: " + problems(), 1, problems().stream().filter(p -> p.startsWith("io.halcyon.consumers.dmacheck.v1 pins ")).count());
        assertTrue("the host keeps running", service(TensorEngine.class, CHIP_0).busyCycles() >= 0);
    }

    private List<String> problems() {
        ServiceReference<UpdateManager> ref = context.getServiceReference(UpdateManager.class);
        return ref.getProperty(PROBLEMS) instanceof String[] told ? List.of(told) : List.of();
    }

    /** Waits (bounded) until the manager lists a problem that {@code wanted} accepts, and returns it. */
    private String awaitProblem(Predicate<String> wanted) throws InterruptedException {
        long end = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            for (String p : problems()) {
                if (wanted.test(p)) {
                    return p;
                }
            }
            Thread.sleep(10); // polling a condition with a bound
        }
        throw new AssertionError("not told within " + SERVICE_TIMEOUT + "; told: " + problems());
    }
}
