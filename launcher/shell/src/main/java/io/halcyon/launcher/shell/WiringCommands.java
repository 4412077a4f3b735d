package io.halcyon.launcher.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.framework.dto.ServiceReferenceDTO;

/**
 * {@code hal:wiring [--json]}: for every Halcyon bundle that uses a Halcyon package of another bundle,
 * the package versions it is wired to (the framework's {@link BundleWiring}) and the import range that
 * chose them, and, for each service reference of its components (Declarative Services'
 * {@link ServiceComponentRuntime}), which bundle and version serves it and the reference's target
 * filter: the pin, when configuration set one ({@code <reference>.target}).
 */
@Component(service = Object.class, property = {"osgi.command.scope=hal", "osgi.command.function=wiring"})
public class WiringCommands {

    /** Bundles and packages of the project; the framework's and the libraries' wiring is not what a user asks about. */
    static final String PROJECT = "io.halcyon.";

    /** Properties of the update manager's stable services naming the driver behind them (launcher/update, StableServices). */
    static final String DRIVER_BUNDLE = "halcyon.driver.bundle";
    static final String DRIVER_VERSION = "halcyon.driver.version";

    private static final Pattern LOWER = Pattern.compile("(?<!!)\\(version>=([^)]+)\\)");
    private static final Pattern UPPER_EXCLUSIVE = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern UPPER_INCLUSIVE = Pattern.compile("\\(version<=([^)]+)\\)");

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Activate
    public WiringCommands(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    @Descriptor("for every Halcyon consumer bundle: the API package versions it is wired to and its import ranges, and which driver bundle and version serves each of its service references, with the reference's target filter (a pin)")
    public String wiring(@Descriptor("print one JSON object instead of text") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json) {
        List<Map<String, Object>> consumers = consumers();
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("bundles", consumers);
            return Json.write(all);
        }
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> c : consumers) {
            out.append(c.get("bundle")).append(' ').append(c.get("version")).append('\n');
            for (Object o : (List<?>) c.get("packages")) {
                Map<?, ?> p = (Map<?, ?>) o;
                out.append("  package   ").append(p.get("package")).append(' ').append(p.get("version")).append(" from ")
                        .append(p.get("exporter")).append(' ').append(p.get("exporterVersion")).append(", import ")
                        .append(p.get("range")).append('\n');
            }
            for (Object o : (List<?>) c.get("references")) {
                Map<?, ?> r = (Map<?, ?>) o;
                out.append("  reference ").append(r.get("component")).append('.').append(r.get("reference")).append(" (")
                        .append(r.get("interface")).append(") -> ");
                List<?> served = (List<?>) r.get("servedBy");
                if (served.isEmpty()) {
                    out.append("nothing bound");
                }
                String sep = "";
                for (Object s : served) {
                    Map<?, ?> b = (Map<?, ?>) s;
                    out.append(sep).append(b.get("bundle")).append(' ').append(b.get("version")).append(" (service ")
                            .append(b.get("serviceId")).append(b.get("via") == null ? "" : ", through " + b.get("via")).append(')');
                    sep = ", ";
                }
                out.append(r.get("target") == null ? "" : ", target " + r.get("target")).append('\n');
            }
        }
        return out.toString();
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> consumers = new ArrayList<>();
        List<Bundle> bundles = new ArrayList<>(List.of(context.getBundles()));
        bundles.sort(Comparator.comparing(b -> String.valueOf(b.getSymbolicName())));
        for (Bundle b : bundles) {
            if (b.getSymbolicName() == null || !b.getSymbolicName().startsWith(PROJECT)) {
                continue;
            }
            List<Map<String, Object>> packages = packages(b);
            if (packages.isEmpty()) {
                continue; // uses nothing of another Halcyon bundle: an API bundle itself
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("bundle", b.getSymbolicName());
            c.put("version", b.getVersion().toString());
            c.put("bundleId", b.getBundleId());
            c.put("packages", packages);
            c.put("references", references(b));
            consumers.add(c);
        }
        return consumers;
    }

    /** The project's packages the bundle imports from other bundles, with the range of its import. */
    private static List<Map<String, Object>> packages(Bundle b) {
        BundleWiring wiring = b.adapt(BundleWiring.class);
        List<Map<String, Object>> packages = new ArrayList<>();
        if (wiring == null) {
            return packages; // not resolved: nothing wired
        }
        for (BundleWire w : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            Map<String, Object> attrs = w.getCapability().getAttributes();
            String name = String.valueOf(attrs.get(PackageNamespace.PACKAGE_NAMESPACE));
            Bundle exporter = w.getProvider().getBundle();
            if (!name.startsWith(PROJECT) || exporter.equals(b)) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("package", name);
            p.put("version", String.valueOf(attrs.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)));
            p.put("exporter", exporter.getSymbolicName());
            p.put("exporterVersion", exporter.getVersion().toString());
            p.put("range", range(w.getRequirement().getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE)));
            packages.add(p);
        }
        packages.sort(Comparator.comparing(p -> (String) p.get("package")));
        return packages;
    }

    /**
     * The version range an import's requirement filter says, as the manifest wrote it: {@code [1.0.0,2.0.0)}
     * from {@code (&(osgi.wiring.package=p)(version>=1.0.0)(!(version>=2.0.0)))}; {@code any} when it has none.
     */
    static String range(String filter) {
        if (filter == null) {
            return "any";
        }
        Matcher lower = LOWER.matcher(filter);
        Matcher upperExclusive = UPPER_EXCLUSIVE.matcher(filter);
        Matcher upperInclusive = UPPER_INCLUSIVE.matcher(filter);
        String lo = lower.find() ? lower.group(1) : "0.0.0";
        if (upperExclusive.find()) {
            return "[" + lo + "," + upperExclusive.group(1) + ")";
        }
        if (upperInclusive.find()) {
            return "[" + lo + "," + upperInclusive.group(1) + "]";
        }
        return lo;
    }

    /** Each reference of the bundle's component configurations to a service of the project, and what is bound to it. */
    private List<Map<String, Object>> references(Bundle b) {
        List<Map<String, Object>> references = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
            Map<String, String> interfaces = new LinkedHashMap<>();
            for (ReferenceDTO r : d.references) {
                interfaces.put(r.name, r.interfaceName);
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                for (SatisfiedReferenceDTO s : c.satisfiedReferences) {
                    String type = interfaces.get(s.name);
                    if (type == null || !type.startsWith(PROJECT)) {
                        continue;
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("component", simpleName(d.name));
                    r.put("configuration", c.properties.get("service.pid") == null ? null : String.valueOf(c.properties.get("service.pid")));
                    r.put("reference", s.name);
                    r.put("interface", type);
                    r.put("target", s.target);
                    r.put("servedBy", servedBy(s.boundServices));
                    references.add(r);
                }
            }
        }
        return references;
    }

    private List<Map<String, Object>> servedBy(ServiceReferenceDTO[] bound) {
        List<Map<String, Object>> served = new ArrayList<>();
        for (ServiceReferenceDTO ref : bound) {
            Bundle provider = context.getBundle(ref.bundle);
            String registrant = provider == null ? "bundle " + ref.bundle : provider.getSymbolicName();
            Object driver = ref.properties.get(DRIVER_BUNDLE);
            Map<String, Object> s = new LinkedHashMap<>();
            // A stable service of the update manager names the driver behind it; the proxy is not what serves.
            s.put("bundle", driver != null ? String.valueOf(driver) : registrant);
            s.put("version", driver != null ? String.valueOf(ref.properties.get(DRIVER_VERSION))
                    : provider == null ? "" : provider.getVersion().toString());
            s.put("serviceId", ref.id);
            s.put("via", driver != null ? registrant : null);
            served.add(s);
        }
        return served;
    }

    private static String simpleName(String componentName) {
        return componentName.substring(componentName.lastIndexOf('.') + 1);
    }
}
