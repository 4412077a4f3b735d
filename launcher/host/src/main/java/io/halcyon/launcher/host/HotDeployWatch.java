package io.halcyon.launcher.host;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Reports, one line each, bundles dropped into the hot-deploy directory that do not resolve.
 * FileInstall installs them and keeps retrying quietly; an operator needs to be told once, with the
 * missing requirement. Checks run after bundle activity has been quiet for {@link #QUIET_MILLIS}, so
 * that a bundle and its dependency dropped together are not reported half-way.
 */
final class HotDeployWatch implements BundleListener, AutoCloseable {

    private static final Pattern MISSING_PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)\\s]+)\\)");

    /** The update manager's service and its property listing the hot-deploy jars it has decided about (launcher/update). */
    static final String UPDATE_MANAGER = "io.halcyon.launcher.update.UpdateManager";
    static final String DECIDED = "halcyon.update.hotdeploy.decided";

    /** Two FileInstall polls (500 ms each): long enough for one drop to be installed as a whole. */
    static final long QUIET_MILLIS = 1_000;

    private final BundleContext context;
    private final String deployUri;
    private final Consumer<String> report;
    private final Set<String> reported = new HashSet<>();
    private final Thread checker;
    private long lastActivity;
    private boolean pending;
    private boolean closed;

    HotDeployWatch(BundleContext context, Path deployDir, Consumer<String> report) {
        this.context = context;
        this.deployUri = deployDir.toAbsolutePath().toUri().getPath();
        this.report = report;
        this.checker = new Thread(this::checkLoop, "halcyon-hot-deploy-watch");
        checker.setDaemon(true);
        context.addBundleListener(this);
        checker.start();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (isDeployed(event.getBundle())) {
            synchronized (this) {
                lastActivity = System.nanoTime();
                pending = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits, at most {@code timeoutMillis}, until every jar in the deploy directory is either installed
     * by FileInstall and started or found unresolvable, or (a new version of a bundle the update manager
     * judges: a block or an API bundle) decided by the update manager; reports the unresolvable ones.
     */
    void settle(Path deployDir, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        File[] jars = deployDir.toFile().listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null) {
            return;
        }
        synchronized (this) {
            while (!allInstalledAndSettled(jars)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    report.accept("hot deploy: not every bundle in " + deployDir + " was installed within " + timeoutMillis + " ms");
                    return;
                }
                wait(Math.min(left, 100)); // woken by bundle events; the cap re-checks start attempts
            }
        }
        reportUnresolved();
    }

    private boolean allInstalledAndSettled(File[] jars) {
        List<Bundle> deployed = deployedBundles();
        Set<String> decided = decidedByUpdateManager();
        for (File jar : jars) {
            if (decided.contains(jar.getAbsolutePath() + "@" + jar.lastModified())) {
                continue;
            }
            Bundle b = deployed.stream().filter(x -> x.getLocation().endsWith(jar.getName())).findFirst().orElse(null);
            if (b == null) {
                return false;
            }
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() != Bundle.ACTIVE && !fragment && resolves(b)) {
                return false; // resolvable but not started yet: FileInstall is still at work
            }
        }
        return true;
    }

    /** {@code <path>@<last modified>} of the jars the update manager has decided about (its service property). */
    private Set<String> decidedByUpdateManager() {
        Set<String> decided = new HashSet<>();
        try {
            ServiceReference<?>[] managers = context.getServiceReferences(UPDATE_MANAGER, null);
            for (ServiceReference<?> ref : managers == null ? new ServiceReference<?>[0] : managers) {
                if (ref.getProperty(DECIDED) instanceof String[] jars) {
                    decided.addAll(List.of(jars));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return decided;
    }

    private void checkLoop() {
        try {
            while (true) {
                synchronized (this) {
                    while (!closed && (!pending || System.nanoTime() - lastActivity < QUIET_MILLIS * 1_000_000)) {
                        long quietLeft = QUIET_MILLIS - (System.nanoTime() - lastActivity) / 1_000_000;
                        wait(pending ? Math.max(1, quietLeft) : 0);
                    }
                    if (closed) {
                        return;
                    }
                    pending = false;
                }
                reportUnresolved();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportUnresolved() {
        for (Bundle b : deployedBundles()) {
            if (b.getState() == Bundle.INSTALLED && !resolves(b)) {
                String key = b.getBundleId() + "@" + b.getLastModified();
                synchronized (reported) {
                    if (!reported.add(key)) {
                        continue;
                    }
                }
                String error = resolutionError(b);
                report.accept("hot deploy: bundle " + b.getSymbolicName() + " " + b.getVersion() + " ("
                        + new File(b.getLocation()).getName() + ") does not resolve: " + error + onOffer(error));
            }
        }
    }

    private boolean resolves(Bundle b) {
        return context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(b));
    }

    /** The framework's own explanation (missing requirement), taken from a start attempt that cannot succeed. */
    private static String resolutionError(Bundle b) {
        try {
            b.start(Bundle.START_TRANSIENT);
            return "resolved after all";
        } catch (BundleException | IllegalStateException e) {
            return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
    }

    /**
     * For a missing package import (the framework names it as {@code osgi.wiring.package=P} with the range
     * asked for), the versions of P that installed bundles export, so that the one line says both what is
     * asked and what there is: {@code ; P on offer: 1.0.1 from io.halcyon.hal-api} (or {@code none}).
     */
    private String onOffer(String error) {
        Matcher missing = MISSING_PACKAGE.matcher(error);
        if (!missing.find()) {
            return "";
        }
        String pkg = missing.group(1);
        List<String> offered = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            for (BundleCapability c : revision == null ? List.<BundleCapability>of() : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (pkg.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    offered.add(c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) + " from " + b.getSymbolicName());
                }
            }
        }
        return "; " + pkg + " on offer: " + (offered.isEmpty() ? "none" : String.join(", ", offered));
    }

    private List<Bundle> deployedBundles() {
        List<Bundle> result = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (isDeployed(b)) {
                result.add(b);
            }
        }
        return result;
    }

    private boolean isDeployed(Bundle b) {
        return b.getLocation().contains(deployUri);
    }

    @Override
    public void close() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the framework has already stopped (the shell's exit): its listeners are gone with it
        }
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }
}
