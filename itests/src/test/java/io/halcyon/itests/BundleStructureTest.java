package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The bundles as the framework wired them: the main assembly carries no test tooling (that each of its
 * bundles is active, HalcyonTestSupport checks before every test);
 * what the API exports; and that every block bundle depends on APIs only and offers nothing to import
 * (so updating it refreshes only itself).
 */
@RunWith(PaxExam.class)
public class BundleStructureTest extends HalcyonTestSupport {

    @Test
    public void theMainAssemblyCarriesNoTestTooling() {
        List<String> installed = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName).collect(Collectors.toList());
        assertTrue("the platform and the block drivers: " + installed, installed.contains("io.halcyon.platform.emulation") && !blockBundles().isEmpty());
        assertFalse("the live-update soak compiles and rewrites bundles; not on a server: " + installed,
                installed.contains("io.halcyon.launcher.soak"));
    }

    @Test
    public void halApiExportsEachPackageAtItsDeclaredVersion() {
        BundleWiring wiring = installedBundle(HAL_API).adapt(BundleWiring.class);
        Map<String, Version> exported = new TreeMap<>();
        for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            exported.put((String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                    (Version) c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE));
        }
        // The @Version of each package-info.java has CLASS retention, so it is read from the sources:
        // every package the API declares must be exported, at exactly the version its source declares.
        assertEquals("hal-api exports", declaredApiVersions(), exported);
    }

    /** Package name to the version in its package-info.java, for every @Export package of hal-api's sources. */
    private static Map<String, Version> declaredApiVersions() {
        Path api = Path.of(System.getProperty("halcyon.root", "..")).resolve("hal-api/src/main/java");
        Pattern version = Pattern.compile("@org\\.osgi\\.annotation\\.versioning\\.Version\\(\"([^\"]+)\"\\)");
        Map<String, Version> declared = new TreeMap<>();
        try (Stream<Path> files = Files.walk(api)) {
            for (Path info : files.filter(f -> f.getFileName().toString().equals("package-info.java")).toList()) {
                String text = Files.readString(info);
                Matcher m = version.matcher(text);
                if (text.contains("@org.osgi.annotation.bundle.Export") && m.find()) {
                    declared.put(api.relativize(info.getParent()).toString().replace('/', '.'), Version.parseVersion(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hal-api sources under " + api, e);
        }
        assertFalse("no package-info.java found under " + api, declared.isEmpty());
        return declared;
    }

    /** The bundles that export API packages. */
    private static final java.util.Set<String> API_BUNDLES = java.util.Set.of(HAL_API, "io.halcyon.hal.api.dma");

    @Test
    public void everyBlockBundleExportsNothingAndImportsOnlyApiPackages() {
        List<Bundle> blocks = blockBundles();
        assertFalse("no block bundles installed", blocks.isEmpty());
        for (Bundle block : blocks) {
            exportsNothingAndImportsOnlyApiPackages(block);
        }
    }

    private static void exportsNothingAndImportsOnlyApiPackages(Bundle block) {
        String bsn = block.getSymbolicName();
        assertNull("Export-Package of " + bsn, block.getHeaders().get(Constants.EXPORT_PACKAGE));
        // A dynamic import would let it reach any package at runtime, past the wiring checked below.
        assertNull("DynamicImport-Package of " + bsn, block.getHeaders().get(Constants.DYNAMICIMPORT_PACKAGE));

        BundleWiring wiring = block.adapt(BundleWiring.class);
        assertTrue(bsn + " offers packages: " + wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE),
                wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).isEmpty());

        // Declared imports, including optional ones that may not be wired.
        List<String> declared = wiring.getRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(BundleRequirement::getDirectives)
                .map(d -> d.get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE))
                .collect(Collectors.toList());
        assertFalse(bsn + " imports no package at all", declared.isEmpty());
        for (String filter : declared) {
            assertTrue(bsn + ": non-API import " + filter, filter.contains("(osgi.wiring.package=io.halcyon.hal.api."));
        }

        // And what the framework actually wired: every imported package comes from an API bundle (hal-api, or
        // io.halcyon.hal.api.dma for the DMA contract's 2.x major).
        List<BundleWire> wires = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        assertEquals(bsn + " wired imports", declared.size(), wires.size());
        for (BundleWire wire : wires) {
            String pkg = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            assertTrue(bsn + ": non-API package wired: " + pkg, pkg.startsWith("io.halcyon.hal.api."));
            assertTrue(bsn + ": " + pkg + " provided by " + wire.getProvider().getSymbolicName(),
                    API_BUNDLES.contains(wire.getProvider().getSymbolicName()));
        }
    }
}
