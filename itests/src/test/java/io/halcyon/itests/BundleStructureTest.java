package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
 * The bundles as the framework wired them: what the API exports, and that a block bundle depends on
 * APIs only and offers nothing to import (so updating it refreshes only itself).
 */
@RunWith(PaxExam.class)
public class BundleStructureTest extends HalcyonTestSupport {

    @Test
    public void everyProvisionedBundleIsActive() {
        for (String bsn : EXPECTED_BUNDLES) {
            Bundle b = installedBundle(bsn);
            assertEquals(bsn + " state", Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void halApiExportsEachPackageAtItsDeclaredVersion() {
        BundleWiring wiring = installedBundle(HAL_API).adapt(BundleWiring.class);
        Map<String, Version> exported = new TreeMap<>();
        for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            exported.put((String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                    (Version) c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE));
        }
        // The @Version of each package-info.java (CLASS retention, so it is restated here). A version
        // that moved without a release, or a package that stopped being exported, must show here.
        Version declared = Version.parseVersion("1.0.0");
        Map<String, Version> expected = Map.of(
                "io.halcyon.hal.api.bus", declared,
                "io.halcyon.hal.api.platform", declared,
                "io.halcyon.hal.api.register", declared,
                "io.halcyon.hal.api.regmap", declared,
                "io.halcyon.hal.api.sysctrl", declared);
        expected.forEach((pkg, version) -> assertEquals(pkg + " exported at", version, exported.get(pkg)));
        // New API packages may come; none may be an unversioned export or live outside the API namespace.
        exported.forEach((pkg, version) -> {
            assertTrue("export outside io.halcyon.hal.api: " + pkg, pkg.startsWith(HAL_API + "."));
            assertTrue(pkg + " is exported without a version", version.compareTo(Version.emptyVersion) > 0);
        });
    }

    @Test
    public void blockBundleExportsNothingAndImportsOnlyApiPackages() {
        Bundle block = installedBundle(BLOCK_SYSCTRL);
        assertNull("Export-Package of " + BLOCK_SYSCTRL, block.getHeaders().get(Constants.EXPORT_PACKAGE));
        // A dynamic import would let it reach any package at runtime, past the wiring checked below.
        assertNull("DynamicImport-Package of " + BLOCK_SYSCTRL, block.getHeaders().get(Constants.DYNAMICIMPORT_PACKAGE));

        BundleWiring wiring = block.adapt(BundleWiring.class);
        assertTrue("packages the block offers: " + wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE),
                wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).isEmpty());

        // Declared imports, including optional ones that may not be wired.
        List<String> declared = wiring.getRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(BundleRequirement::getDirectives)
                .map(d -> d.get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE))
                .collect(Collectors.toList());
        assertFalse("the block imports no package at all", declared.isEmpty());
        for (String filter : declared) {
            assertTrue("non-API import " + filter, filter.contains("(osgi.wiring.package=io.halcyon.hal.api."));
        }

        // And what the framework actually wired: every imported package comes from the API bundle.
        List<BundleWire> wires = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        assertEquals("wired imports", declared.size(), wires.size());
        for (BundleWire wire : wires) {
            String pkg = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            assertTrue("non-API package wired: " + pkg, pkg.startsWith("io.halcyon.hal.api."));
            assertEquals(pkg + " provider", HAL_API, wire.getProvider().getSymbolicName());
        }
    }
}
