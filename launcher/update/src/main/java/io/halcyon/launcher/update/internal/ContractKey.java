package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Which stable service a driver service stands behind: the same contract interfaces, of the same major
 * versions, for the same block of the same chip. Two versions of a driver have the same key; that is what
 * lets the new one take over the old one's proxy. Two majors of one contract (the same interface names from
 * two versions of the package, e.g. {@code io.halcyon.hal.api.dma} 1.x from an adapter and 2.x from a
 * generation-2 driver on one chip) are two contracts, each with its own stable service.
 *
 * @param majors per interface, the major version of the package its registering bundle is wired to (0 when
 *        the bundle has no wiring for it, e.g. a {@code java.*} interface)
 */
record ContractKey(Object chip, String block, List<String> interfaces, List<Integer> majors) {

    static final String BLOCK = "halcyon.block";
    static final String CHIP = "halcyon.chip";

    /** A key whose interfaces come from no wired package (major 0 each). */
    ContractKey(Object chip, String block, List<String> interfaces) {
        this(chip, block, interfaces, Collections.nCopies(interfaces.size(), 0));
    }

    static ContractKey of(ServiceReference<?> ref) {
        String[] classes = ((String[]) ref.getProperty(Constants.OBJECTCLASS)).clone();
        Arrays.sort(classes);
        Bundle owner = ref.getBundle();
        BundleWiring wiring = owner == null ? null : owner.adapt(BundleWiring.class);
        List<Integer> majors = new ArrayList<>();
        for (String c : classes) {
            majors.add(major(wiring, c.substring(0, Math.max(0, c.lastIndexOf('.')))));
        }
        return new ContractKey(ref.getProperty(CHIP), String.valueOf(ref.getProperty(BLOCK)), List.of(classes), List.copyOf(majors));
    }

    /** The major of {@code pkg} as {@code wiring} sees it: imported, else exported, else 0. */
    private static int major(BundleWiring wiring, String pkg) {
        if (wiring == null) {
            return 0;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (pkg.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return versionOf(wire.getCapability()).getMajor();
            }
        }
        for (BundleCapability capability : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (pkg.equals(capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return versionOf(capability).getMajor();
            }
        }
        return 0;
    }

    private static Version versionOf(BundleCapability capability) {
        Object v = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
        return v instanceof Version version ? version : Version.emptyVersion;
    }

    @Override
    public String toString() {
        List<String> simpleNames = new ArrayList<>();
        for (int i = 0; i < interfaces.size(); i++) {
            String name = interfaces.get(i);
            // Majors beyond the first are named: "DmaEngine 2.x" beside "DmaEngine".
            simpleNames.add(name.substring(name.lastIndexOf('.') + 1) + (majors.get(i) > 1 ? " " + majors.get(i) + ".x" : ""));
        }
        return block + " " + String.join(",", simpleNames) + " of chip " + chip;
    }
}
