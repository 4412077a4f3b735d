package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * The update manager's rules where a jar arrives: every request that must be refused is, with the
 * reason (a block bundle with dependents, a jar that is no bundle, an API version that removes a
 * package or leaves an importer's range), and a jar written into the hot-deploy directory takes the
 * manager's path, not FileInstall's: a block's new version is swapped behind its stable services, an
 * API version is judged like one from the shell. Refused API versions change nothing, so the test's
 * own bundle (which imports the API) is never refreshed here.
 */
@RunWith(PaxExam.class)
public class UpdateRoutesTest extends HalcyonTestSupport {

    private static final String PLATFORM_PACKAGE = "io.halcyon.hal.api.platform";

    @Test
    public void aBlockBundleWithADependentIsRefusedNamingIt() throws Exception {
        UpdateManager manager = service(UpdateManager.class, "");
        Bundle dependent = context.installBundle("itest:dependent", new java.io.ByteArrayInputStream(manifestOnly(Map.of(
                Constants.BUNDLE_SYMBOLICNAME, "io.halcyon.itest.dependent", Constants.REQUIRE_BUNDLE, BLOCK_SYSCTRL))));
        try {
            dependent.start();
            Bundle block = installedBundle(BLOCK_SYSCTRL);
            Path next = ManifestEdit.copyWith(block.getLocation(), Map.of(Constants.BUNDLE_VERSION, "8.0.0"));
            UpdateRecord r = manager.update("sysctrl", next, "itest");
            assertEquals(r.summary(), Outcome.REFUSED, r.outcome());
            assertTrue(r.detail(), r.detail().startsWith("a block bundle must have no dependents, but replacing it would also refresh ["));
            assertTrue(r.detail(), r.detail().contains("io.halcyon.itest.dependent"));
            assertEquals("the running version stays", block.getVersion(), installedBundle(BLOCK_SYSCTRL).getVersion());
        } finally {
            dependent.uninstall();
        }
    }

    @Test
    public void aJarThatIsNoBundleIsRefusedBeforeAnythingIsRecorded() throws Exception {
        UpdateManager manager = service(UpdateManager.class, "");
        Path plain = Files.createTempFile("halcyon-itest-plain-", ".jar");
        Files.write(plain, manifestOnly(Map.of("Created-By", "a plain jar")));
        int before = manager.history().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.update("sysctrl", plain, "itest"));
        assertEquals(plain + ": not a bundle (no Bundle-SymbolicName in its manifest)", e.getMessage());
        assertEquals("nothing recorded for a request that named no bundle jar", before, manager.history().size());
    }

    @Test
    public void anApiVersionThatNoLongerExportsAnImportedPackageIsRefused() throws Exception {
        Bundle api = installedBundle(HAL_API);
        String exports = api.getHeaders().get(Constants.EXPORT_PACKAGE);
        String withoutPlatform = exports.replaceAll(PLATFORM_PACKAGE.replace(".", "\\.") + ";(\"[^\"]*\"|[^,])*,?", "");
        assertTrue("test setup: the header changed", !withoutPlatform.equals(exports));
        UpdateRecord r = updateApi(Map.of(Constants.EXPORT_PACKAGE, withoutPlatform, Constants.BUNDLE_VERSION, "1.9.0"));
        assertEquals(r.summary(), Outcome.REFUSED, r.outcome());
        assertTrue(r.detail(), r.detail().contains(PLATFORM_PACKAGE + " 1.0.0 is imported by io.halcyon.platform.emulation but the new "
                + "version no longer exports it"));
    }

    @Test
    public void anApiVersionOutsideAProvidersRangeIsRefused() throws Exception {
        // A method added to PlatformInfo (a @ProviderType interface) is a minor bump, which the platforms,
        // its providers, import [1.0,1.1) to refuse: they would not implement the method.
        Bundle api = installedBundle(HAL_API);
        String exports = api.getHeaders().get(Constants.EXPORT_PACKAGE);
        String bumped = exports.replaceAll("(" + PLATFORM_PACKAGE.replace(".", "\\.") + ";[^,]*version=\")1\\.0\\.0\"", "$11.1.0\"");
        assertTrue("test setup: the header changed", !bumped.equals(exports));
        UpdateRecord r = updateApi(Map.of(Constants.EXPORT_PACKAGE, bumped, Constants.BUNDLE_VERSION, "1.9.1"));
        assertEquals(r.summary(), Outcome.REFUSED, r.outcome());
        // Every bundle that implements PlatformInfo imports it with a provider range (the emulation, the
        // chip model's PublishedChip); the refusal names the first of them.
        assertTrue(r.detail(), r.detail().matches("(?s).*" + PLATFORM_PACKAGE.replace(".", "\\.") + " 1\\.1\\.0 is outside the range "
                + "io\\.halcyon\\.platform\\.(emulation|chipmodel) imports .*\\(!\\(version>=1\\.1\\.0\\)\\).*"));
        assertEquals("hal-api untouched", api.getVersion(), installedBundle(HAL_API).getVersion());
    }

    @Test
    public void aBlockJarInTheHotDeployDirectoryIsSwappedByTheManager() throws Exception {
        Bundle block = installedBundle(BLOCK_SYSCTRL);
        Path jar = ManifestEdit.copyWith(block.getLocation(), Map.of(Constants.BUNDLE_VERSION, "8.1.0"));
        UpdateRecord r = hotDeploy(jar, "sysctrl-next.jar");
        assertEquals(r.summary(), Outcome.UPDATED, r.outcome());
        assertEquals("sysctrl", r.block());
        assertTrue("the gate checked it: " + r.summary(), r.gate().checked() > 0);
        assertEquals("8.1.0", installedBundle(BLOCK_SYSCTRL).getVersion().toString());
        assertEquals("one sysctrl bundle: FileInstall installed no copy of its own", 1, bundlesNamed(BLOCK_SYSCTRL));
    }

    @Test
    public void anIncompatibleApiJarInTheHotDeployDirectoryIsRefusedLikeOneFromTheShell() throws Exception {
        Bundle api = installedBundle(HAL_API);
        String exports = api.getHeaders().get(Constants.EXPORT_PACKAGE);
        String major = exports.replaceAll("(io\\.halcyon\\.hal\\.api\\.sysctrl;[^,]*version=\")1\\.[0-9.]+\"", "$12.0.0\"");
        Path jar = ManifestEdit.copyWith(api.getLocation(), Map.of(Constants.EXPORT_PACKAGE, major, Constants.BUNDLE_VERSION, "2.0.0"));
        UpdateRecord r = hotDeploy(jar, "hal-api-2.jar");
        assertEquals(r.summary(), Outcome.REFUSED, r.outcome());
        assertTrue(r.detail(), r.detail().startsWith("incompatible API change"));
        assertEquals("FileInstall did not install it beside the running one", 1, bundlesNamed(HAL_API));
        assertEquals(api.getVersion(), installedBundle(HAL_API).getVersion());
    }

    private UpdateRecord updateApi(Map<String, String> headers) throws Exception {
        Path jar = ManifestEdit.copyWith(installedBundle(HAL_API).getLocation(), headers);
        return service(UpdateManager.class, "").update(HAL_API, jar, "itest");
    }

    private UpdateRecord hotDeploy(Path jar, String name) throws Exception {
        return HotDeploy.write(context, jar, name);
    }

    private long bundlesNamed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).count();
    }

    static byte[] manifestOnly(Map<String, String> headers) throws java.io.IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (headers.containsKey(Constants.BUNDLE_SYMBOLICNAME)) {
            m.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        }
        headers.forEach(m.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, m)) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
