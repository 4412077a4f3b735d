package io.halcyon.launcher.host;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of {@code launcher/halcyon}. Exit codes: 0 success; 1 the command failed; 2 usage;
 * 3 the command ran but the host is degraded (a bundle did not start, hot deploy is off);
 * 4 the HAL did not become ready; 5 {@code hal:hitl}: a configured platform did not run. A command
 * with a code of its own sets it in the session ({@link GogoSession#EXIT_CODE}).
 */
public final class HalcyonHost {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int DEGRADED = 3;
    static final int NOT_READY = 4;
    /** Set by {@code hal:hitl} (launcher/shell) when a configured platform is not attached; documented here with the others. */
    static final int PLATFORM_NOT_RUN = 5;
    /**
     * How long the HAL may take to come up: 15 s, or {@code -Dhalcyon.ready.ms} (launcher/halcyon gives a host
     * with chips on RTL longer, since its first start builds the simulator).
     */
    static final long READY_TIMEOUT_MILLIS = Long.getLong("halcyon.ready.ms", 15_000);
    static final long HOT_DEPLOY_SETTLE_MILLIS = 10_000;

    private HalcyonHost() {}

    /**
     * The process's own streams, taken before Gogo starts: Gogo then replaces System.out/err with
     * per-thread streams that write into the running command's pipe, so a session opened on those
     * would write into itself as soon as a command prints (a stack overflow).
     */
    private static final PrintStream STDOUT = System.out;
    private static final PrintStream STDERR = System.err;

    public static void main(String[] args) {
        System.exit(run(List.of(args), home()));
    }

    static int run(List<String> args, Path home) {
        HostOptions options;
        try {
            options = HostOptions.parse(args, defaultOut(home), Boolean.getBoolean("halcyon.tty"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return USAGE;
        }
        if (options.mode() == HostOptions.Mode.SERVE && System.getProperty("halcyon.console", System.getenv("HALCYON_CONSOLE")) == null) {
            System.setProperty("halcyon.console", "8080"); // serve is for the web console: on, at its usual port
        }
        HostFramework host = new HostFramework(home);
        try {
            host.start(Assembly.load(home, assemblyName()), options.mode() == HostOptions.Mode.SHELL);
            List<String> missing = host.awaitReady(READY_TIMEOUT_MILLIS, options.mode() == HostOptions.Mode.MAIN);
            host.startHotDeploy();
            long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            if (!missing.isEmpty()) {
                System.err.println("halcyon: HAL not ready after " + READY_TIMEOUT_MILLIS + " ms; missing " + String.join(", ", missing));
                if (options.mode() != HostOptions.Mode.SHELL) {
                    return NOT_READY;
                }
            }
            switch (options.mode()) {
                case SHELL:
                    System.out.println("Halcyon HAL ready in " + readyMillis + " ms. Commands: help hal; leave with 'exit'."
                            + ("true".equals(host.context().getProperty("org.apache.felix.http.enable")) ? " Web console at " + consoleUrl(host) : ""));
                    host.startConsole();
                    host.waitForStop();
                    return OK;
                case SERVE:
                    // Ctrl-C or SIGTERM is how serve ends: stop the framework (Jetty lets go of the port) and
                    // remove the run folder then, as exit does for the shell.
                    Runtime.getRuntime().addShutdownHook(new Thread(host::stop, "halcyon stop"));
                    System.out.println("Halcyon HAL ready in " + readyMillis + " ms; web console at " + consoleUrl(host) + " (stop with Ctrl-C)");
                    host.waitForStop();
                    return OK;
                case MAIN:
                    if (!options.json()) {
                        System.out.println("Halcyon HAL ready in " + readyMillis + " ms (JVM start to services up)");
                        System.out.println();
                    }
                    // fall through: the main job is a shell command
                default:
                    host.settleHotDeploy(HOT_DEPLOY_SETTLE_MILLIS);
                    int code = execute(host, options.command());
                    return code == OK && !host.problems().isEmpty() ? DEGRADED : code;
            }
        } catch (Exception e) {
            System.err.println("halcyon: " + e.getMessage());
            return FAILED;
        } finally {
            host.stop();
        }
    }

    /** Where the web console is served, as the assembly and HALCYON_CONSOLE set Felix HTTP up. */
    private static String consoleUrl(HostFramework host) {
        return "http://" + host.context().getProperty("org.apache.felix.http.host") + ":" + host.context().getProperty("org.osgi.service.http.port")
                + "/halcyon/";
    }

    private static int execute(HostFramework host, String command) throws ReflectiveOperationException {
        try (GogoSession session = new GogoSession(host.context(), System.in, STDOUT, STDERR)) {
            try {
                Object result = session.execute(command);
                if (result != null) {
                    String text = result.toString();
                    System.out.print(text.endsWith("\n") ? text : text + "\n");
                }
                return session.exitCode().orElse(OK);
            } catch (Exception e) {
                System.err.println("halcyon: " + oneLine(e));
                return session.exitCode().orElse(FAILED);
            }
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Where the main job writes its pictures: -Dhalcyon.run (launcher/run from the script), else {@code <home>/run}. */
    private static Path defaultOut(Path home) {
        String configured = System.getProperty("halcyon.run");
        return configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve("run");
    }

    /**
     * The assembly to run: -Dhalcyon.assembly, which launcher/halcyon sets to {@code soak} for the
     * commands that need the soak's test tooling; otherwise what a server runs.
     */
    private static String assemblyName() {
        String configured = System.getProperty("halcyon.assembly");
        return configured != null && !configured.isBlank() ? configured : Assembly.MAIN;
    }

    /** The folder that holds halcyon-host.jar, export/ (the assemblies) and interactive/ (-Dhalcyon.home overrides). */
    private static Path home() {
        String configured = System.getProperty("halcyon.home");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            return Path.of(HalcyonHost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
