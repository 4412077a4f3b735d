package io.halcyon.launcher.update.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.bundle.CollisionHook;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook;
import org.osgi.util.tracker.ServiceTracker;

import io.halcyon.launcher.update.UpdateGate;
import io.halcyon.launcher.update.UpdateManager;

/**
 * Puts the update machinery in place: hooks first (so that no consumer ever binds a driver
 * directly), then the stable services for the drivers already registered, then the manager (with its
 * durable state), its shell commands and, when FileInstall is present, its hot-deploy installer.
 */
public final class UpdateActivator implements BundleActivator {

    /**
     * Property of the {@link UpdateManager} service: the hot-deploy jars the manager has decided about
     * since it started, as {@code <absolute path>@<last modified>}. A host that waits for its deploy
     * directory to settle reads it (by name: the host sees no class of the framework's bundles).
     */
    public static final String HOT_DEPLOY_DECIDED = "halcyon.update.hotdeploy.decided";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final Set<String> decided = new LinkedHashSet<>();
    private volatile ServiceRegistration<UpdateManager> managerRegistration;
    private Problems problems;
    private StableServices stable;
    private ServiceTracker<UpdateGate, UpdateGate> gates;

    @Override
    public void start(BundleContext context) throws Exception {
        DriverServices drivers = new DriverServices(context.getBundle());
        registrations.add(context.registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new DriverHiding(drivers), null));
        Bounds bounds = Bounds.from(context);
        problems = new Problems(UpdateActivator::log, this::publish);
        Pins pins = new Pins(context, problems);
        registrations.add(context.registerService(ListenerHook.class, pins, null));
        pins.open();
        UnresolvableImports imports = new UnresolvableImports(context, problems);
        context.addBundleListener(imports);
        stable = new StableServices(context, drivers, bounds.callerNanos(), UpdateActivator::log, pins);
        stable.open();
        gates = new ServiceTracker<>(context, UpdateGate.class, null);
        gates.open();
        GateClient gate = new GateClient(gates::getService);
        StagedBundles staging = new StagedBundles(context, UpdateActivator::log);
        registrations.add(context.registerService(CollisionHook.class, staging, null));
        UpdateService manager = new UpdateService(context, StateDirectory.of(context, UpdateActivator::log), stable, gate, staging,
                bounds, UpdateActivator::log);
        manager.recordRestart();
        managerRegistration = context.registerService(UpdateManager.class, manager, null);
        registrations.add(managerRegistration);
        publish(); // problems found while the manager was starting
        Hashtable<String, Object> commands = new Hashtable<>();
        commands.put("osgi.command.scope", "hal");
        commands.put("osgi.command.function", UpdateCommands.FUNCTIONS);
        registrations.add(context.registerService(UpdateCommands.class, new UpdateCommands(manager), commands));
        registerHotDeploy(context, manager);
    }

    private void registerHotDeploy(BundleContext context, UpdateManager manager) {
        try {
            registrations.add(context.registerService(org.apache.felix.fileinstall.ArtifactInstaller.class.getName(),
                    new HotDeployInstaller(context, manager, this::decided, UpdateActivator::log), null));
        } catch (NoClassDefFoundError e) {
            // no FileInstall on this host: updates come through the commands and the API only
        }
    }

    /** Publishes that the manager has decided about {@code jar}, for a host waiting on its deploy directory. */
    private void decided(File jar) {
        synchronized (decided) {
            decided.add(jar.getAbsolutePath() + "@" + jar.lastModified());
        }
        publish();
    }

    /** The manager's service properties: the hot-deployed jars decided and the problems reported, so far. */
    private void publish() {
        Dictionary<String, Object> properties = new Hashtable<>();
        synchronized (decided) {
            properties.put(HOT_DEPLOY_DECIDED, decided.toArray(new String[0]));
        }
        properties.put(Problems.PROPERTY, problems.all().toArray(new String[0]));
        ServiceRegistration<UpdateManager> registration = managerRegistration;
        if (registration == null) {
            return; // reported before the manager's service exists: published with its first change
        }
        try {
            registration.setProperties(properties);
        } catch (IllegalStateException e) {
            // the manager is stopping
        }
    }

    @Override
    public void stop(BundleContext context) {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the framework
            }
        }
        registrations.clear();
        stable.close();
        gates.close();
    }

    static void log(String line) {
        System.err.println("halcyon update: " + line);
    }
}
