package io.halcyon.launcher.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One Felix framework running an {@link Assembly}: its bundles and framework properties, plus what
 * depends on where and how the host runs (storage, the hot-deploy directory, a chip server's socket,
 * the interactive console). Problems that leave the host running but degraded
 * (a bundle that does not resolve, a hot-deploy directory that cannot be read) are collected as one
 * line each; the caller prints them and decides the exit code.
 */
final class HostFramework {

    /**
     * Services that make the HAL "ready": the platform of chip 0, its system-control driver, its
     * bring-up service (which needs every block driver), the hal: shell commands and the command
     * processor; then, with a bring-up service among them, every other chip's bring-up service (a
     * host with several chips is ready when all of them are). An assembly may say otherwise in its {@value #READY} run property, and
     * -Dhalcyon.ready="filter;filter" overrides both.
     */
    static final String DEFAULT_READY = "(&(objectClass=io.halcyon.hal.api.platform.PlatformInfo)(halcyon.chip=0));"
            + "(&(objectClass=io.halcyon.hal.api.sysctrl.SystemControl)(halcyon.chip=0));"
            + "(&(objectClass=io.halcyon.hal.api.bringup.BringUp)(halcyon.chip=0));"
            + "(osgi.command.scope=hal);"
            + "(objectClass=" + GogoSession.PROCESSOR + ")";

    /**
     * What the main job needs on top: the training workload (chip 0's and the data-parallel one) and the
     * command that runs the job. The other chips' bring-up services the job waits for itself.
     */
    static final String MAIN_JOB_READY = "(&(objectClass=io.halcyon.consumers.training.api.MlpTraining)(halcyon.chip=0));"
            + "(objectClass=io.halcyon.consumers.training.api.DataParallelTraining);"
            + "(&(osgi.command.scope=hal)(osgi.command.function=mainjob))";

    static final String READY = "halcyon.ready";

    /** Framework properties of the production platform (devices, first chip number): passed on from -D options. */
    static final String PRODUCTION_PREFIX = "halcyon.production.";

    /** Framework property read by the emulation platform: the socket of a running chip server (HALCYON_CHIP). */
    static final String CHIP_SOCKET = "halcyon.chip.socket";

    /** Framework property read by the emulation platform: the chip maps of its chips, comma-separated (HALCYON_CHIPS). */
    static final String EMULATION_CHIPS = "halcyon.emulation.chips";

    /**
     * Framework property read by the update manager: where its history and the jars each bundle ran
     * live, {@code <state>/update}. Beside the run folders, not in one: those go with the process, this
     * outlives restarts and kills.
     */
    static final String UPDATE_STATE = "halcyon.update.state";

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would forget its level. */
    private static final Logger HTTP_LOG = Logger.getLogger("org.apache.felix.http");

    /** A problem that leaves the host degraded, and the bundle it is about (-1 for the host itself). */
    private record Problem(long bundleId, String line) {}

    private final Path home;
    private final List<Problem> problems = new CopyOnWriteArrayList<>();
    private Path deploy;
    private HotDeployWatch hotDeployWatch;
    /** FileInstall, installed with the assembly and started once the HAL is ready ({@link #startHotDeploy}). */
    private Bundle fileInstall;
    private Framework framework;
    private RunDirectory run;
    private final List<Bundle> console = new ArrayList<>();
    private String ready = DEFAULT_READY;
    private boolean stopped;

    /** @param home where the console (interactive/) and the default hot-deploy directory are */
    HostFramework(Path home) {
        this.home = home;
    }

    /**
     * The problems that still stand: a problem of a bundle that has since been uninstalled does not (a
     * new block version that failed and was rolled back: the update manager discarded it, and the
     * version that kept serving is healthy).
     */
    List<String> problems() {
        return problems.stream().filter(p -> p.bundleId() < 0 || framework.getBundleContext().getBundle(p.bundleId()) != null)
                .map(Problem::line).toList();
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Starts the framework and every bundle of {@code assembly} (plus the console in interactive/ when {@code interactive}). */
    void start(Assembly assembly, boolean interactive) throws BundleException, IOException {
        run = RunDirectory.create(stateDirectory());
        Map<String, String> config = new HashMap<>(assembly.properties());
        ready = config.getOrDefault(READY, DEFAULT_READY);
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(PRODUCTION_PREFIX)) {
                config.put(name, System.getProperty(name)); // launcher/halcyon --platform production --device ...
            }
        }
        config.put(Constants.FRAMEWORK_STORAGE, run.folder("felix").toString());
        // FileInstall's scratch copies would go to java.io.tmpdir otherwise.
        config.put("felix.fileinstall.tmpdir", run.folder("fileinstall").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.putIfAbsent(UPDATE_STATE, Files.createDirectories(stateDirectory().resolve("update")).toString());
        config.put("gosh.args", interactive ? "" : "--nointeractive");
        if (interactive) {
            // The console reads etc/gosh_profile under gosh.home: Halcyon's, which makes `help hal` and `exit` work.
            config.put("gosh.home", home.resolve("interactive").toString());
        }
        String chipSocket = System.getProperty(CHIP_SOCKET, System.getenv("HALCYON_CHIP"));
        if (chipSocket != null && !chipSocket.isBlank()) {
            config.put(CHIP_SOCKET, chipSocket); // the emulation platform attaches to that chip server
        }
        String chips = System.getProperty(EMULATION_CHIPS, System.getenv("HALCYON_CHIPS"));
        if (chips != null && !chips.isBlank()) {
            config.put(EMULATION_CHIPS, chips); // the chip maps the emulation platform builds its chips from
        }
        webConsole(config);
        deploy = hotDeployDirectory();
        if (deploy != null) {
            config.put("felix.fileinstall.dir", deploy.toString()); // how FileInstall watches it is the assembly's
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(config);
        framework.init();
        framework.getBundleContext().addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR && event.getThrowable() instanceof ServiceException e) {
                // A component that failed to make its service (the framework names the bundle that asked
                // for it): told, but no bundle failed to start. A new block version whose driver does this
                // is rolled back by the update manager; a driver of the assembly that does it leaves the
                // HAL not ready, which the readiness check reports.
                System.err.println("halcyon: a service could not be made: " + oneLine(e));
            } else if (event.getType() == FrameworkEvent.ERROR) {
                problem(event.getBundle(), describe(event.getBundle(), event.getThrowable()));
            }
        });
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : assembly.jars()) {
            boolean isFileInstall = jar.getFileName().toString().startsWith("org.apache.felix.fileinstall");
            if (deploy == null && isFileInstall) {
                continue; // no readable hot-deploy directory: do not let FileInstall fall back to ./load
            }
            Bundle b = framework.getBundleContext().installBundle(jar.toUri().toString());
            if (isFileInstall) {
                fileInstall = b;
            } else {
                installed.add(b);
            }
        }
        if (interactive) {
            // Installed now, started by startConsole() once the HAL is ready: a console reading piped
            // input at once would run the first commands (or `exit`) before the drivers are there.
            for (Path jar : Assembly.jarsIn(home.resolve("interactive"))) {
                console.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
            }
        }
        framework.start();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException e) {
                problem(b, describe(b, e));
            }
        }
    }

    /**
     * Starts watching the hot-deploy directory. Called once the HAL is ready (or known not to become
     * ready): a jar already in the directory then meets what it updates running, the update manager
     * meets the block's drivers and the health gate, and an API update meets the dependents it must
     * stop, not bundles the host is still starting.
     */
    void startHotDeploy() {
        if (fileInstall == null) {
            return;
        }
        hotDeployWatch = new HotDeployWatch(framework.getBundleContext(), deploy, this::problem);
        try {
            fileInstall.start();
        } catch (BundleException e) {
            problem(fileInstall, describe(fileInstall, e));
        }
    }

    /** Starts the interactive console installed by {@link #start} (for {@code halcyon shell}). */
    void startConsole() {
        for (Bundle b : console) {
            try {
                b.start();
            } catch (BundleException e) {
                problem(b, describe(b, e));
            }
        }
    }

    /** Waits until the bundles already in the hot-deploy directory are installed and started or reported. */
    void settleHotDeploy(long timeoutMillis) throws InterruptedException {
        if (hotDeployWatch != null) {
            hotDeployWatch.settle(deploy, timeoutMillis);
        }
    }

    /** Records a problem of the host itself that leaves it running but degraded, and tells the operator at once. */
    private void problem(String line) {
        problem(null, line);
    }

    /** Records a problem of {@code bundle} (null: the host's own) that leaves the host degraded, and tells the operator at once. */
    private void problem(Bundle bundle, String line) {
        problems.add(new Problem(bundle == null || bundle.getBundleId() == 0 ? -1 : bundle.getBundleId(), line));
        System.err.println("halcyon: " + line);
    }

    /**
     * Waits until every ready filter matches a service, for at most {@code timeoutMillis}; with
     * {@code mainJob}, also for what the main job needs.
     *
     * @return the filters still unmatched (empty when ready)
     */
    List<String> awaitReady(long timeoutMillis, boolean mainJob) throws InvalidSyntaxException, InterruptedException {
        String spec = System.getProperty(READY, ready) + (mainJob ? ";" + MAIN_JOB_READY : "");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<String> missing = awaitFilters(List.of(spec.split(";")), deadline);
        if (missing.isEmpty() && spec.contains(BRING_UP)) {
            // Ready means every chip, not only chip 0: every chip a platform published has its bring-up (its drivers).
            List<String> everyChip = new ArrayList<>();
            ServiceReference<?>[] platforms = context().getServiceReferences(PLATFORM_INFO, null);
            for (ServiceReference<?> platform : platforms == null ? new ServiceReference<?>[0] : platforms) {
                everyChip.add("(&(objectClass=" + BRING_UP + ")(halcyon.chip=" + platform.getProperty("halcyon.chip") + "))");
            }
            missing = awaitFilters(everyChip, deadline);
        }
        return missing;
    }

    private static final String BRING_UP = "io.halcyon.hal.api.bringup.BringUp";
    private static final String PLATFORM_INFO = "io.halcyon.hal.api.platform.PlatformInfo";

    /** Waits until every filter matches a service, until {@code deadline}; the filters still unmatched. */
    private List<String> awaitFilters(List<String> filters, long deadline) throws InvalidSyntaxException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String filter : filters) {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context(), context().createFilter(filter.trim()), null);
            tracker.open(true);
            try {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (tracker.waitForService(Math.max(1, left)) == null) {
                    missing.add(filter.trim());
                }
            } finally {
                tracker.close();
            }
        }
        return missing;
    }

    /** Blocks until the framework stops (the shell's exit or a stop command). */
    void waitForStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops the framework and removes the run folder; once, whether the caller or a shutdown hook (serve's Ctrl-C) asks first. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (hotDeployWatch != null) {
            hotDeployWatch.close();
        }
        try {
            if (framework != null) {
                framework.stop();
                framework.waitForStop(10_000);
            }
        } catch (BundleException | InterruptedException e) {
            System.err.println("halcyon: framework did not stop cleanly: " + e.getMessage());
        } finally {
            if (run != null) {
                run.close();
            }
        }
    }

    /**
     * The web console (launcher/webconsole), when asked for: -Dhalcyon.console or HALCYON_CONSOLE gives the
     * port (or ADDRESS:PORT; the assembly's address, loopback, otherwise), which switches Felix HTTP on;
     * -Dhalcyon.console.users or HALCYON_CONSOLE_USERS names the users file that changes need.
     */
    private static void webConsole(Map<String, String> config) {
        // Felix HTTP (through java.util.logging, see emulation.bndrun) and Jetty (its own StdErrLog) report
        // every start at INFO; the host tells the operator only what went wrong, e.g. a port already taken.
        HTTP_LOG.setLevel(Level.SEVERE);
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
            System.setProperty("org.eclipse.jetty.util.log.announce", "false"); // "Logging initialized @...ms"
        }
        String console = System.getProperty("halcyon.console", System.getenv("HALCYON_CONSOLE"));
        if (console != null && !console.isBlank()) {
            int colon = console.lastIndexOf(':');
            if (colon >= 0) {
                config.put("org.apache.felix.http.host", console.substring(0, colon));
            }
            String port = console.substring(colon + 1);
            if (!port.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("HALCYON_CONSOLE: expected PORT or ADDRESS:PORT, got '" + console + "'");
            }
            config.put("org.osgi.service.http.port", port);
            config.put("org.apache.felix.http.enable", "true");
        }
        String users = System.getProperty("halcyon.console.users", System.getenv("HALCYON_CONSOLE_USERS"));
        if (users != null && !users.isBlank()) {
            config.put("halcyon.console.users", Path.of(users).toAbsolutePath().toString());
        }
    }

    /**
     * The directory FileInstall watches. -Dhalcyon.deploy (or HALCYON_DEPLOY) names one explicitly and
     * must exist and be readable; otherwise {@code <home>/deploy} is created on demand.
     */
    private Path hotDeployDirectory() throws IOException {
        String configured = System.getProperty("halcyon.deploy", System.getenv("HALCYON_DEPLOY"));
        if (configured == null || configured.isBlank()) {
            return Files.createDirectories(home.resolve("deploy"));
        }
        Path dir = Path.of(configured).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            problem("hot-deploy directory " + dir + " does not exist; hot deploy is off");
            return null;
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            problem("hot-deploy directory " + dir + " is not readable; hot deploy is off");
            return null;
        }
        return dir;
    }

    /** One line: which bundle, and the first line of what went wrong. */
    static String describe(Bundle b, Throwable t) {
        String what = t == null ? "error" : oneLine(t);
        String who = b == null ? "framework" : "bundle " + b.getSymbolicName() + " " + b.getVersion();
        return who + " did not start: " + what;
    }

    private static String oneLine(Throwable t) {
        return String.valueOf(t.getMessage()).lines().findFirst().orElse(t.toString());
    }

    /** Where the host keeps its run-time files: -Dhalcyon.state, else {@code <home>/state}. */
    private Path stateDirectory() {
        String configured = System.getProperty("halcyon.state");
        return configured == null || configured.isBlank() ? home.resolve("state") : Path.of(configured);
    }
}
