package io.halcyon.launcher.update.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.hooks.service.ListenerHook;

/**
 * Which consumers pin the driver version they are served by. A pin is configuration only: a target
 * filter on the properties a stable service carries about the driver behind it
 * ({@code halcyon.driver.version}, {@code halcyon.driver.bundle}), e.g. the Declarative Services
 * property {@code engines.target=(halcyon.driver.version=1.0.0)} in the consumer component's
 * configuration. Every such filter reaches the framework as a service listener's (DS and service
 * trackers listen with their reference's filter), so this listener hook sees every pin of every
 * consumer, whatever it is written with, without asking DS.
 */
final class Pins implements ListenerHook {

    /** The property names a pin filters on: the stable services' description of their driver. */
    private static final String DRIVER_PROPERTIES = "halcyon.driver.";

    private final Map<ListenerInfo, Filter> pins = new ConcurrentHashMap<>();

    @Override
    public void added(Collection<ListenerInfo> listeners) {
        for (ListenerInfo l : listeners) {
            String filter = l.getFilter();
            if (l.isRemoved() || filter == null || !filter.contains(DRIVER_PROPERTIES)) {
                continue;
            }
            try {
                pins.put(l, FrameworkUtil.createFilter(filter));
            } catch (InvalidSyntaxException e) {
                // the framework accepted it, so it parses; nothing to hold on to otherwise
            }
        }
    }

    @Override
    public void removed(Collection<ListenerInfo> listeners) {
        listeners.forEach(pins::remove);
    }

    /**
     * The bundles (by symbolic name) whose pins select a stable service with {@code before}'s properties
     * but not with {@code after}'s: the consumers a swap would take off the driver they pinned.
     */
    Set<String> pinnedAway(Map<String, Object> before, Map<String, Object> after) {
        Set<String> pinned = new TreeSet<>();
        pins.forEach((listener, filter) -> {
            if (filter.matches(before) && !filter.matches(after)) {
                pinned.add(listener.getBundleContext().getBundle().getSymbolicName());
            }
        });
        return pinned;
    }
}
