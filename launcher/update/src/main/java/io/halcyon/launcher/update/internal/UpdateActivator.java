package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.bundle.CollisionHook;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;

import io.halcyon.launcher.update.UpdateManager;

/**
 * Puts the update machinery in place: hooks first (so that no consumer ever binds a driver
 * directly), then the stable services for the drivers already registered, then the manager, its
 * shell commands and, when FileInstall is present, its hot-deploy installer.
 */
public final class UpdateActivator implements BundleActivator {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private StableServices stable;
    private HealthGate gate;

    @Override
    public void start(BundleContext context) throws Exception {
        DriverServices drivers = new DriverServices(context.getBundle());
        registrations.add(context.registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new DriverHiding(drivers), null));
        Bounds bounds = Bounds.from(context);
        stable = new StableServices(context, drivers, bounds.callerNanos(), UpdateActivator::log);
        stable.open();
        gate = new HealthGate(context);
        StagedBundles staging = new StagedBundles(context, UpdateActivator::log);
        registrations.add(context.registerService(CollisionHook.class, staging, null));
        UpdateService manager = new UpdateService(context, stable, gate, staging, bounds, UpdateActivator::log);
        registrations.add(context.registerService(UpdateManager.class, manager, null));
        Hashtable<String, Object> commands = new Hashtable<>();
        commands.put("osgi.command.scope", "hal");
        commands.put("osgi.command.function", UpdateCommands.FUNCTIONS);
        registrations.add(context.registerService(UpdateCommands.class, new UpdateCommands(manager), commands));
        registerHotDeploy(context, manager);
    }

    private void registerHotDeploy(BundleContext context, UpdateManager manager) {
        try {
            registrations.add(context.registerService(org.apache.felix.fileinstall.ArtifactInstaller.class.getName(),
                    new HotDeployInstaller(context, manager, UpdateActivator::log), null));
        } catch (NoClassDefFoundError e) {
            // no FileInstall on this host: updates come through the commands and the API only
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
        gate.close();
    }

    static void log(String line) {
        System.err.println("halcyon update: " + line);
    }
}
