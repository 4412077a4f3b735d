package io.halcyon.launcher.update.internal;

import java.util.Collection;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Keeps driver services out of every bundle's sight but the manager's: lookups do not return them
 * (find hook) and service listeners, DS and trackers included, are not told about them (event
 * listener hook). Consumers bind to the stable services instead and never see a driver come or go.
 */
final class DriverHiding implements FindHook, EventListenerHook {

    private final DriverServices drivers;

    DriverHiding(DriverServices drivers) {
        this.drivers = drivers;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        references.removeIf(ref -> drivers.hiddenFrom(ref, context.getBundle()));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> ref = event.getServiceReference();
        if (drivers.isDriver(ref) || DriverServices.isHeld(ref)) {
            listeners.keySet().removeIf(context -> drivers.hiddenFrom(ref, context.getBundle()));
        }
    }
}
