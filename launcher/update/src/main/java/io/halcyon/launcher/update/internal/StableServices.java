package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The stable services of the host, one per driver contract, and the drivers behind them. Outside an
 * update a stable service mirrors its driver: it appears with the first driver and goes when the
 * driver goes for good. While a new version is staged beside the running one, the drivers of the
 * staged bundle go to its {@link StagedUpdate}, which decides whether they take over; once they
 * have, the replaced version's drivers leave without touching the stable services.
 */
final class StableServices implements ServiceTrackerCustomizer<Object, Driver>, AutoCloseable {

    /** Marks a stable service, for tools that want to tell it from a driver (consumers need not). */
    static final String STABLE = "halcyon.stable";

    /**
     * Name the driver behind a stable service, updated when a swap puts a new version behind it: what
     * {@code hal:wiring} shows as the serving driver (the framework sees only the manager's proxy), and what
     * a consumer's configuration can filter on ({@code <reference>.target}).
     */
    static final String DRIVER_BUNDLE = "halcyon.driver.bundle";
    static final String DRIVER_VERSION = "halcyon.driver.version";

    private final BundleContext context;
    private final DriverServices drivers;
    private final long callerWaitNanos;
    private final Consumer<String> log;
    private final ServiceTracker<Object, Driver> tracker;
    private final Map<ContractKey, StableService> stable = new HashMap<>();
    private final Map<ContractKey, Driver> current = new HashMap<>();
    /** Staged updates by the id of their staged bundle. */
    private final Map<Long, StagedUpdate> staged = new HashMap<>();
    /** Replaced drivers kept serving the consumers pinned to them, each behind a stable service of its own. */
    private final Map<Driver, StableService> held = new HashMap<>();
    private final Pins pins;

    StableServices(BundleContext context, DriverServices drivers, long callerWaitNanos, Consumer<String> log)
            throws InvalidSyntaxException {
        this(context, drivers, callerWaitNanos, log, new Pins());
    }

    /** @param pins the consumers' pins on driver versions, which a swap must not take them off */
    StableServices(BundleContext context, DriverServices drivers, long callerWaitNanos, Consumer<String> log, Pins pins)
            throws InvalidSyntaxException {
        this.pins = pins;
        this.context = context;
        this.drivers = drivers;
        this.callerWaitNanos = callerWaitNanos;
        this.log = log;
        this.tracker = new ServiceTracker<>(context, context.createFilter(DriverServices.FILTER), this);
    }

    void open() {
        tracker.open(true); // drivers come from every class space; the manager imports none of their packages
    }

    @Override
    public void close() {
        tracker.close();
        List<StableService> all;
        synchronized (this) {
            all = new ArrayList<>(stable.values());
            stable.clear();
        }
        all.forEach(StableServices::unregister);
    }

    @Override
    public Driver addingService(ServiceReference<Object> ref) {
        if (!drivers.isDriver(ref)) {
            return null;
        }
        Driver driver = new Driver(ref, ContractKey.of(ref), context.getService(ref));
        if (driver.service() == null) {
            log.accept("driver " + driver.key() + " of bundle " + ref.getBundle().getSymbolicName() + " "
                    + ref.getBundle().getVersion() + " did not activate");
        }
        // Registered under the lock, so a driver leaving meanwhile cannot orphan its stable service;
        // calls on stable services never take this lock.
        synchronized (this) {
            StagedUpdate update = staged.get(driver.bundleId());
            if (update != null) {
                update.arrived(driver);
                return driver;
            }
            if (driver.service() == null) {
                return driver;
            }
            current.put(driver.key(), driver);
            notifyAll(); // an API update waits for every contract to be served again
            StableService existing = stable.get(driver.key());
            if (existing != null) {
                existing.replaceDelegate(driver.service());
                describe(existing, driver);
            } else {
                StableService created = newStable(driver);
                stable.put(driver.key(), created);
                register(created, ref);
            }
        }
        return driver;
    }

    @Override
    public void modifiedService(ServiceReference<Object> ref, Driver driver) {
        // properties of a driver are fixed by its component description; nothing to mirror
    }

    @Override
    public void removedService(ServiceReference<Object> ref, Driver driver) {
        synchronized (this) {
            StableService pinned = held.remove(driver);
            if (pinned != null) { // the held version went (rolled back, uninstalled): its pinned consumers wait for a match
                unregister(pinned);
                pinned.replaceDelegate(null);
            }
            StagedUpdate update = staged.get(driver.bundleId());
            if (update != null) {
                update.left(driver);
            } else if (current.get(driver.key()) == driver) {
                current.remove(driver.key());
                StableService gone = stable.remove(driver.key());
                unregister(gone);
                // A caller that still holds the proxy (its bundle did not let go when the service went)
                // waits, and fails after its bound, rather than call a driver that was deactivated.
                gone.replaceDelegate(null);
            }
        }
        if (driver.service() != null) {
            context.ungetService(ref);
        }
    }

    /** The driver behind the stable service of {@code key} now, if any. */
    synchronized Driver current(ContractKey key) {
        return current.get(key);
    }

    /**
     * Before {@code service} moves from {@code old} to {@code now}: the consumers whose pins select it
     * with {@code old} behind it and would not with {@code now}. For each such contract the old driver
     * keeps serving them behind a stable service of its own, registered before {@code service} changes
     * its properties, so that they rebind to it (and only they: the others' filters do not tell the two
     * apart by version, and they stay bound where they are).
     *
     * @return the pinned consumers' symbolic names; empty when nothing was held
     */
    Set<String> holdForPins(StableService service, Driver old, Driver now) {
        if (old == null || old.service() == null || service.registration() == null) {
            return Set.of();
        }
        Set<String> pinned = pins.pinnedAway(asMap(properties(old.ref()), service), asMap(properties(now.ref()), service));
        if (!pinned.isEmpty()) {
            synchronized (this) {
                StableService kept = newStable(old);
                held.put(old, kept);
                Hashtable<String, Object> properties = properties(old.ref());
                properties.put(DriverServices.HELD_FOR, pinned.toArray(new String[0])); // seen by them only
                kept.registration(context.registerService(kept.key().interfaces().toArray(new String[0]), kept.proxy(), properties));
            }
        }
        return pinned;
    }

    /** A stable service's properties as a filter sees them (with its object classes). */
    private static Map<String, Object> asMap(Hashtable<String, Object> properties, StableService service) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put(Constants.OBJECTCLASS, service.key().interfaces().toArray(new String[0]));
        return all;
    }

    /** The stable services whose drivers {@code bundle} provides now. */
    synchronized List<StableService> servedBy(Bundle bundle) {
        List<StableService> result = new ArrayList<>();
        current.forEach((key, driver) -> {
            if (driver.bundleId() == bundle.getBundleId()) {
                result.add(stable.get(key));
            }
        });
        return result;
    }

    /** The contracts served now. */
    synchronized Set<ContractKey> contracts() {
        return Set.copyOf(current.keySet());
    }

    /** Whether {@code bundle} provides the driver of some contract now. */
    synchronized boolean serves(Bundle bundle) {
        return current.values().stream().anyMatch(d -> d.bundleId() == bundle.getBundleId());
    }

    /**
     * The bundle whose code serves calls on {@code ref}: for a stable service, the bundle of its current
     * driver (so a consumer of the stable service depends on the driver's bundle); for any other
     * service, its registrant.
     */
    synchronized Bundle serverOf(ServiceReference<?> ref) {
        if (Boolean.TRUE.equals(ref.getProperty(STABLE))) {
            Driver driver = current.get(ContractKey.of(ref));
            if (driver != null && driver.ref().getBundle() != null) {
                return driver.ref().getBundle();
            }
        }
        return ref.getBundle();
    }

    /**
     * Waits until every contract in {@code contracts} is served (after an API update restarted the
     * drivers).
     *
     * @throws UpdateFailure naming the contracts still without a driver after {@code boundNanos}
     */
    synchronized void awaitServed(Set<ContractKey> contracts, long boundNanos) throws UpdateFailure, InterruptedException {
        long deadline = System.nanoTime() + boundNanos;
        while (!current.keySet().containsAll(contracts)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                Set<ContractKey> missing = new HashSet<>(contracts);
                missing.removeAll(current.keySet());
                throw new UpdateFailure("no driver came back for " + missing + " within " + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** From now on the drivers of {@code update}'s bundle go to it, not to the stable services. */
    synchronized void route(StagedUpdate update) {
        staged.put(update.bundle().getBundleId(), update);
    }

    /**
     * The staged drivers become current (a contract the replaced version did not offer gets a new
     * stable service) and the staged bundle's drivers are the stable services' own from now on; the
     * caller points the quiesced stable services at them.
     */
    synchronized void takeOver(StagedUpdate update, Map<ContractKey, Driver> next) {
        staged.remove(update.bundle().getBundleId());
        for (Driver d : next.values()) {
            current.put(d.key(), d);
            if (!stable.containsKey(d.key())) {
                StableService s = newStable(d);
                stable.put(d.key(), s);
                register(s, d.ref());
            }
        }
    }

    /** The staged version was discarded: a driver of its bundle still registered serves no stable service. */
    synchronized void release(StagedUpdate update) {
        staged.remove(update.bundle().getBundleId());
    }

    private StableService newStable(Driver driver) {
        List<String> names = driver.key().interfaces();
        Class<?>[] interfaces = new Class<?>[names.size()];
        try {
            for (int i = 0; i < interfaces.length; i++) {
                interfaces[i] = driver.ref().getBundle().loadClass(names.get(i));
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("driver " + driver.key() + ": its bundle cannot load " + e.getMessage(), e);
        }
        return new StableService(driver.key(), interfaces, driver.service(), callerWaitNanos);
    }

    private void register(StableService service, ServiceReference<?> like) {
        service.registration(context.registerService(service.key().interfaces().toArray(new String[0]), service.proxy(), properties(like)));
    }

    /** After a swap: the stable service's properties name the driver now behind it. */
    static void describe(StableService service, Driver now) {
        try {
            if (service.registration() != null) {
                service.registration().setProperties(properties(now.ref()));
            }
        } catch (IllegalStateException e) {
            // unregistered meanwhile (the manager is stopping): nothing to describe
        }
    }

    /** The driver's own properties (not the framework's) and which bundle and version it is. */
    private static Hashtable<String, Object> properties(ServiceReference<?> like) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (String name : like.getPropertyKeys()) {
            if (!name.startsWith("service.") && !name.equals(Constants.OBJECTCLASS) && !name.equals("component.id")) {
                properties.put(name, like.getProperty(name));
            }
        }
        properties.put(STABLE, Boolean.TRUE);
        properties.put(DRIVER_BUNDLE, like.getBundle().getSymbolicName());
        properties.put(DRIVER_VERSION, like.getBundle().getVersion().toString());
        return properties;
    }

    private static void unregister(StableService service) {
        try {
            if (service != null && service.registration() != null) {
                service.registration().unregister();
            }
        } catch (IllegalStateException e) {
            // the manager is stopping and the framework unregistered it first
        }
    }
}
