package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;

/**
 * Whether a new version of an exporting bundle can replace the running one for the bundles that
 * import from it, judged by semantic versions: every package someone imports must still be
 * exported, in the same major version, at a version each importer's range accepts.
 */
final class ApiCompatibility {

    private ApiCompatibility() {}

    /** @return one line per incompatibility; empty when the new version is compatible */
    static List<String> problems(Bundle exporter, JarImage next) {
        List<String> problems = new ArrayList<>();
        BundleWiring wiring = exporter.adapt(BundleWiring.class);
        if (wiring == null) {
            return problems; // not resolved: nobody imports from it
        }
        for (BundleWire wire : wiring.getProvidedWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            String pkg = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            Version now = (Version) wire.getCapability().getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
            String importer = wire.getRequirer().getSymbolicName();
            Version then = next.exports().get(pkg);
            if (then == null) {
                problems.add(pkg + " " + now + " is imported by " + importer + " but the new version no longer exports it");
            } else if (then.getMajor() != now.getMajor()) {
                problems.add(pkg + " goes " + now + " -> " + then + " (major change) and " + importer + " imports it");
            } else if (!accepts(wire, pkg, then)) {
                problems.add(pkg + " " + then + " is outside the range " + importer + " imports ("
                        + wire.getRequirement().getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE) + ")");
            }
        }
        return problems.stream().distinct().toList();
    }

    private static boolean accepts(BundleWire wire, String pkg, Version version) {
        String filter = wire.getRequirement().getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        if (filter == null) {
            return true;
        }
        try {
            Filter f = FrameworkUtil.createFilter(filter);
            return f.matches(Map.of(PackageNamespace.PACKAGE_NAMESPACE, pkg, PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, version));
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
