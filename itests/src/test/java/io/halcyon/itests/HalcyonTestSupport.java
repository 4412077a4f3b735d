package io.halcyon.itests;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Every integration-test framework runs the main host's assembly ({@link MainAssembly}): the bundles
 * the build resolved from {@code launcher/host/emulation.bndrun} and exported, with that assembly's
 * framework properties, plus Pax Exam's own bundles. Nothing here lists bundles: a bundle the host
 * gains or loses, the tests gain or lose with it.
 *
 * <p>Before every test it checks that each bundle in the framework is ACTIVE (fragments: RESOLVED)
 * and fails naming the ones that are not, with the requirements nothing provides: a bundle that
 * silently failed to resolve would otherwise show up only as a service that never appears.
 *
 * <p>One framework per test class ({@link PerClass}): the emulated chip is then shared by the
 * methods of a class, so tests must not depend on the order they run in.
 */
@ExamReactorStrategy(PerClass.class)
public abstract class HalcyonTestSupport {

    /** How long a service may take to appear: generous for a loaded CI machine, still fails fast. */
    protected static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);

    /** Services of the first (and, on emulation, only) chip instance. */
    protected static final String CHIP_0 = "(halcyon.chip=0)";

    /** Services of the second chip instance, on hosts with two ({@link #withEmulatedChips}). */
    protected static final String CHIP_1 = "(halcyon.chip=1)";

    protected static final String HAL_API = "io.halcyon.hal.api";
    protected static final String BLOCK_SYSCTRL = "io.halcyon.block.sysctrl";
    protected static final String LAUNCHER_UPDATE = "io.halcyon.launcher.update";

    @Inject
    protected BundleContext context;

    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    /**
     * The tests are compiled against hal-api, so against 1.x of {@code io.halcyon.hal.api.dma}; the framework
     * also exports 2.0.0 (the bundle io.halcyon.hal.api.dma), which an unversioned dynamic import would prefer.
     * The probe imports the package with the consumer range of the major it was built against, as bnd would.
     */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(org.osgi.framework.Constants.IMPORT_PACKAGE, "io.halcyon.hal.api.dma;version=\"[1.0,2)\"");
        return probe;
    }

    /** Runs in the test driver (outside the framework): says what the framework is made of. */
    @Configuration
    public Option[] config() throws IOException {
        return config(jar -> true);
    }

    /** The main assembly with only the bundle jars {@code keep} accepts (a host that lacks one of its bundles). */
    protected Option[] config(java.util.function.Predicate<java.nio.file.Path> keep) throws IOException {
        String workDir = System.getProperty("halcyon.itest.workdir", "target/paxexam");
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(workingDirectory(workDir));
        options.add(cleanCaches(true));
        options.addAll(MainAssembly.provisioning(Paths.get(workDir, "deploy").toAbsolutePath(), keep));
        return options.toArray(new Option[0]);
    }

    /** {@code options} and the bundles whose jars these system properties name (built in this reactor, see itests/pom.xml). */
    protected static Option[] withBundles(Option[] options, String... jarProperties) {
        List<Option> more = new ArrayList<>(List.of(options));
        for (String property : jarProperties) {
            Path jar = Paths.get(System.getProperty(property, "missing-" + property)).toAbsolutePath();
            more.add(org.ops4j.pax.exam.CoreOptions.bundle(jar.toUri().toString()));
        }
        return more.toArray(new Option[0]);
    }

    /** {@code options} with the emulation's chips built from {@code chipMaps} (comma-separated, chip 0 first). */
    protected static Option[] withEmulatedChips(Option[] options, String chipMaps) {
        List<Option> more = new ArrayList<>(List.of(options));
        more.add(org.ops4j.pax.exam.CoreOptions.frameworkProperty("halcyon.emulation.chips").value(chipMaps));
        return more.toArray(new Option[0]);
    }

    @Before
    public void everyBundleResolvedAndStarted() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                String problem = String.format("%s %s is %s, expected %s", b.getSymbolicName(), b.getVersion(),
                        stateName(b.getState()), stateName(expected));
                if (b.getState() == Bundle.INSTALLED && revision != null) {
                    problem += "; " + unresolvedBecause(revision);
                }
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            fail("bundles did not resolve or start:\n  " + String.join("\n  ", problems));
        }
    }

    @After
    public void closeTrackers() {
        // Releases the services, so DS may deactivate delayed components that no test uses any more.
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }

    /**
     * An open tracker for services of {@code type} matching {@code filter}, closed after the test.
     * Tests hold services through a tracker so the provider's component stays active while used.
     */
    protected <T> ServiceTracker<T, T> track(Class<T> type, String filter) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter(type, filter), null);
        tracker.open();
        trackers.add(tracker);
        return tracker;
    }

    /** Waits up to {@link #SERVICE_TIMEOUT} for a service of {@code type} matching {@code filter}. */
    protected <T> T service(Class<T> type, String filter) {
        return await(track(type, filter), type.getSimpleName() + " " + filter);
    }

    /** Waits up to {@link #SERVICE_TIMEOUT} for {@code tracker} to hold a service. */
    protected static <T> T await(ServiceTracker<T, T> tracker, String what) {
        try {
            T service = tracker.waitForService(SERVICE_TIMEOUT.toMillis());
            assertNotNull("no " + what + " within " + SERVICE_TIMEOUT, service);
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** The installed bundle with this symbolic name; fails if there is none. */
    protected Bundle installedBundle(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " installed; have "
                        + Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName).collect(Collectors.toList())));
    }

    /** The installed block drivers: every bundle whose symbolic name is io.halcyon.block.*. */
    protected List<Bundle> blockBundles() {
        return Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().startsWith("io.halcyon.block."))
                .collect(Collectors.toList());
    }

    private Filter filter(Class<?> type, String filter) {
        try {
            return context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /**
     * Why {@code revision} stays INSTALLED, as far as capabilities tell: each mandatory, resolve-time
     * requirement that no bundle offers (a missing package, a too-new execution environment, no DS
     * extender), or that only bundles which are unresolved themselves offer (so the cause is further
     * up the list). An empty answer means a uses-constraint conflict or similar: the framework log
     * has the details then.
     */
    private List<String> unresolvedBecause(BundleRevision revision) {
        List<Capability> offered = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision r = b.adapt(BundleRevision.class);
            if (r != null) {
                offered.addAll(r.getCapabilities(null));
            }
        }
        List<String> reasons = new ArrayList<>();
        for (Requirement req : revision.getRequirements(null)) {
            Map<String, String> directives = req.getDirectives();
            // Optional and dynamic imports never keep a bundle from resolving; nor do run-time-only
            // requirements such as effective:=active service requirements.
            String resolution = directives.getOrDefault(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE, Namespace.RESOLUTION_MANDATORY);
            String effective = directives.getOrDefault(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE, Namespace.EFFECTIVE_RESOLVE);
            if (!Namespace.RESOLUTION_MANDATORY.equals(resolution) || !Namespace.EFFECTIVE_RESOLVE.equals(effective)) {
                continue;
            }
            String filterText = directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            List<Bundle> providers = offered.stream()
                    .filter(c -> c.getNamespace().equals(req.getNamespace()))
                    .filter(c -> filterText == null || matches(filterText, c.getAttributes()))
                    .map(c -> ((BundleRevision) c.getResource()).getBundle())
                    .collect(Collectors.toList());
            String what = req.getNamespace() + (filterText == null ? "" : " " + filterText);
            if (providers.contains(revision.getBundle())) {
                continue; // an import of a package it also exports: it can always use its own
            }
            if (providers.isEmpty()) {
                reasons.add("nothing provides " + what);
            } else if (providers.stream().allMatch(p -> p.getState() == Bundle.INSTALLED)) {
                reasons.add(what + " only from unresolved "
                        + providers.stream().map(Bundle::getSymbolicName).collect(Collectors.toList()));
            }
        }
        return reasons;
    }

    private static boolean matches(String filterText, Map<String, Object> attributes) {
        try {
            return FrameworkUtil.createFilter(filterText).matches(attributes);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED (unresolved)";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + state;
        }
    }

    /** Runs a shell command and returns its result as text; a command that throws throws here. */
    protected String command(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = service(CommandProcessor.class, "")
                .createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            return String.valueOf(session.execute(line));
        } finally {
            session.close();
        }
    }
}
