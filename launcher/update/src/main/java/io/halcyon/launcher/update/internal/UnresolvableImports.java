package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A bundle installed into the running host (a consumer dropped into the hot-deploy directory, say)
 * whose import range no installed bundle's export satisfies is listed once among the manager's problems,
 * in one line that names the package, the range it asks for and the versions on offer (printed by the
 * host's hot-deploy watch already, with the missing requirement, so not printed again here). The bundle
 * stays installed and unresolved; nothing else is touched, and the host keeps running.
 */
final class UnresolvableImports implements BundleListener {

    private final BundleContext context;
    private final Problems problems;

    UnresolvableImports(BundleContext context, Problems problems) {
        this.context = context;
        this.problems = problems;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            check(event.getBundle());
        }
    }

    void check(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        FrameworkWiring framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (revision == null || framework == null) {
            return;
        }
        for (BundleRequirement r : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            String resolution = r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
            if (PackageNamespace.RESOLUTION_OPTIONAL.equals(resolution) || PackageNamespace.RESOLUTION_DYNAMIC.equals(resolution)
                    || !framework.findProviders(r).isEmpty()) {
                continue;
            }
            String pkg = packageOf(r);
            // The host's hot-deploy watch prints one line per unresolvable bundle already; this adds the versions on offer.
            problems.record(bundle.getSymbolicName() + " " + bundle.getVersion() + " imports " + pkg + " " + declaredRange(bundle, pkg)
                    + ", which no installed bundle exports (on offer: " + onOffer(pkg) + "); it stays installed, unresolved");
        }
    }

    private static String packageOf(BundleRequirement r) {
        String filter = r.getDirectives().getOrDefault(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String key = "(" + PackageNamespace.PACKAGE_NAMESPACE + "=";
        int at = filter.indexOf(key);
        return at < 0 ? filter : filter.substring(at + key.length(), filter.indexOf(')', at));
    }

    /** The version range as the bundle's manifest writes it ({@code [3.0,4)}), or "any version". */
    private static String declaredRange(Bundle bundle, String pkg) {
        String header = bundle.getHeaders("").get(Constants.IMPORT_PACKAGE);
        for (ManifestClauses.Clause c : ManifestClauses.parse(header == null ? "" : header)) {
            if (c.names().contains(pkg)) {
                String version = c.attributes().get(Constants.VERSION_ATTRIBUTE);
                return version == null ? "(any version)" : version;
            }
        }
        return "(any version)";
    }

    private String onOffer(String pkg) {
        List<String> offered = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (pkg.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    offered.add(c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) + " from " + b.getSymbolicName());
                }
            }
        }
        return offered.isEmpty() ? "none" : String.join(", ", offered);
    }
}
