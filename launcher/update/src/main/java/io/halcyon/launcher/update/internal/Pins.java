package io.halcyon.launcher.update.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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

    private static final Pattern DRIVER_TERM = Pattern.compile("\\((" + Pattern.quote(DRIVER_PROPERTIES) + "[a-z]+)=([^)]*)\\)");
    /** The stable services, whose properties a pin is matched against. */
    private static final String STABLE = "(" + StableServices.STABLE + "=true)";

    private final Map<ListenerInfo, Filter> pins = new ConcurrentHashMap<>();
    private final BundleContext context;
    private final Problems problems;

    /** Pins that are only kept for swaps, never checked (unit tests of the stable services). */
    Pins() {
        this(null, null);
    }

    /**
     * @param context the manager's, to see the stable services; with {@code problems}, a pin that no stable
     *     service of its contract satisfies is reported (once), e.g. a version that is not installed
     */
    Pins(BundleContext context, Problems problems) {
        this.context = context;
        this.problems = problems;
    }

    /** Checks every pin again whenever a stable service comes or changes the driver behind it. */
    void open() throws InvalidSyntaxException {
        if (context != null) {
            context.addServiceListener(event -> checkAll(), STABLE);
            checkAll();
        }
    }

    @Override
    public void added(Collection<ListenerInfo> listeners) {
        for (ListenerInfo l : listeners) {
            String filter = l.getFilter();
            if (l.isRemoved() || filter == null || !filter.contains(DRIVER_PROPERTIES)) {
                continue;
            }
            try {
                Filter parsed = FrameworkUtil.createFilter(filter);
                pins.put(l, parsed);
                check(l, parsed);
            } catch (InvalidSyntaxException e) {
                // the framework accepted it, so it parses; nothing to hold on to otherwise
            }
        }
    }

    private void checkAll() {
        pins.forEach(this::check);
    }

    /**
     * Reports a pin that selects no stable service although one of its contract is there: a stable
     * service the pin would select if the driver behind it were the pinned one (same contract, same chip),
     * but none with the pinned driver. A pin whose contract has no stable service yet (its drivers are
     * still starting) is not judged.
     */
    private void check(ListenerInfo listener, Filter pin) {
        if (context == null || listener.isRemoved()) {
            return;
        }
        ServiceReference<?>[] stable;
        try {
            stable = context.getServiceReferences((String) null, STABLE);
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return;
        }
        if (stable == null) {
            return;
        }
        Map<String, String> pinned = new TreeMap<>();
        Matcher m = DRIVER_TERM.matcher(listener.getFilter());
        while (m.find()) {
            pinned.put(m.group(1), m.group(2));
        }
        Set<String> installed = new TreeSet<>();
        for (ServiceReference<?> ref : stable) {
            if (pin.match(ref)) {
                return; // satisfied
            }
            Map<String, Object> asIfPinned = new HashMap<>();
            for (String key : ref.getPropertyKeys()) {
                asIfPinned.put(key, ref.getProperty(key));
            }
            asIfPinned.putAll(pinned);
            if (pin.matches(asIfPinned)) {
                installed.add(ref.getProperty(StableServices.DRIVER_BUNDLE) + " " + ref.getProperty(StableServices.DRIVER_VERSION));
            }
        }
        if (!installed.isEmpty()) {
            problems.report(listener.getBundleContext().getBundle().getSymbolicName() + " pins " + listener.getFilter()
                    + ", which no installed driver satisfies (installed for that reference: " + String.join(", ", installed)
                    + "); it stays unbound until one does");
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
