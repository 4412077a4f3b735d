package io.halcyon.launcher.update.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Just as much of an OSGi framework as the manager's staging types touch, so that their rules can be
 * tested without one: bundles that install from a file, start and uninstall; driver services that
 * reach a tracker customizer as the real tracker would deliver them (synchronously, on the thread
 * that registers or uninstalls); and the services the manager registers. Any other call fails
 * loudly, so a change that starts depending on more of the framework shows up here first.
 */
final class FakeFramework {

    /** One registered service; {@code unregistered} once it went. */
    static final class Registration {
        final String[] classes;
        final Object service;
        volatile Dictionary<String, ?> properties;
        boolean unregistered;

        Registration(String[] classes, Object service, Dictionary<String, ?> properties) {
            this.classes = classes;
            this.service = service;
            this.properties = properties;
        }
    }

    private final Path dataDir;
    private final Bundle manager;
    private final List<Registration> registrations = new ArrayList<>();
    private final BundleContext context;
    private ServiceTrackerCustomizer<Object, Driver> tracker;
    private Consumer<Bundle> onStart = bundle -> {};
    private long nextId = 1;

    FakeFramework(Path dataDir) {
        this.dataDir = dataDir;
        this.manager = new FakeBundle(nextId++, "io.halcyon.launcher.update", Version.emptyVersion, "manager").proxy;
        this.context = proxy(BundleContext.class, this::contextCall);
    }

    BundleContext context() {
        return context;
    }

    Bundle manager() {
        return manager;
    }

    /** Where driver registrations and departures go, as the manager's service tracker would pass them. */
    void tracker(ServiceTrackerCustomizer<Object, Driver> tracker) {
        this.tracker = tracker;
    }

    /** What starting any bundle does from now on (its components registering their drivers). */
    void onStart(Consumer<Bundle> action) {
        this.onStart = action;
    }

    /** A bundle installed before the manager looked (the running version of a block). */
    Bundle installed(String symbolicName, String version) {
        return new FakeBundle(nextId++, symbolicName, Version.parseVersion(version), "bundles/" + symbolicName).proxy;
    }

    /**
     * Registers a driver of {@code bundle} for {@code block} of chip 0 under the given contracts.
     *
     * @param service the driver object, or null for a component that failed to activate
     */
    void registerDriver(Bundle bundle, String block, Object service, Class<?>... contracts) {
        registerDriver(bundle, 0, block, service, contracts);
    }

    /** Registers a driver of {@code bundle} for {@code block} of chip {@code chip} under the given contracts. */
    void registerDriver(Bundle bundle, int chip, String block, Object service, Class<?>... contracts) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String[] names = new String[contracts.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = contracts[i].getName();
        }
        properties.put(Constants.OBJECTCLASS, names);
        properties.put(ContractKey.BLOCK, block);
        properties.put(ContractKey.CHIP, chip);
        FakeBundle owner = (FakeBundle) callOf(bundle);
        FakeReference ref = new FakeReference(owner, properties, service);
        Driver tracked = tracker.addingService(ref.proxy);
        if (tracked != null) {
            owner.drivers.put(ref, tracked);
        }
    }

    /** The services the manager registered under {@code contract} and has not unregistered. */
    List<Object> registered(Class<?> contract) {
        List<Object> services = new ArrayList<>();
        for (Registration r : registrations) {
            if (!r.unregistered && List.of(r.classes).contains(contract.getName())) {
                services.add(r.service);
            }
        }
        return services;
    }

    /** The properties of the one service the manager registered under {@code contract} and has not unregistered. */
    Dictionary<String, ?> properties(Class<?> contract) {
        return registrations.stream().filter(r -> !r.unregistered && List.of(r.classes).contains(contract.getName()))
                .findFirst().orElseThrow().properties;
    }

    /** A bundle jar with just a manifest. */
    static JarImage jar(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JarImage.of(bytes.toByteArray(), symbolicName + " " + version);
    }

    private Object contextCall(Method method, Object[] args) throws Exception {
        switch (method.getName()) {
            case "getBundle":
                if (args == null) {
                    return manager;
                }
                break;
            case "createFilter":
                return FrameworkUtil.createFilter((String) args[0]);
            case "getDataFile":
                return dataDir.resolve((String) args[0]).toFile();
            case "installBundle":
                String location = (String) args[0];
                JarImage image = JarImage.of(Files.readAllBytes(Path.of(URI.create(location))), location);
                return new FakeBundle(nextId++, image.symbolicName(), image.version(), location).proxy;
            case "getService":
                return ((FakeReference) callOf(args[0])).service;
            case "ungetService":
                return true;
            case "registerService":
                String[] classes = args[0] instanceof String[] names ? names : new String[] {((Class<?>) args[0]).getName()};
                @SuppressWarnings("unchecked")
                Registration r = new Registration(classes, args[1], (Dictionary<String, ?>) args[2]);
                registrations.add(r);
                return proxy(ServiceRegistration.class, (m, a) -> {
                    if (m.getName().equals("unregister")) {
                        r.unregistered = true;
                        return null;
                    }
                    if (m.getName().equals("setProperties")) {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, ?> now = (Dictionary<String, ?>) a[0];
                        r.properties = now;
                        return null;
                    }
                    throw new UnsupportedOperationException("ServiceRegistration." + m.getName());
                });
            default:
                break;
        }
        throw new UnsupportedOperationException("BundleContext." + method.getName());
    }

    /** The fake behind one of this framework's proxies. */
    private static Call callOf(Object proxy) {
        return ((Handler) Proxy.getInvocationHandler(proxy)).call();
    }

    private interface Call {
        Object answer(Method method, Object[] args) throws Exception;
    }

    /** Answers Object's methods by identity and everything else through {@code call}. */
    private record Handler(Call call) implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Exception {
            switch (method.getName()) {
                case "equals":
                    return self == args[0];
                case "hashCode":
                    return System.identityHashCode(self);
                case "toString":
                    return "fake " + method.getDeclaringClass().getSimpleName();
                default:
                    return call.answer(method, args);
            }
        }
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(FakeFramework.class.getClassLoader(), new Class<?>[] {type}, new Handler(call)));
    }

    private final class FakeBundle implements Call {
        final long id;
        final String symbolicName;
        final Version version;
        final String location;
        final Map<FakeReference, Driver> drivers = new LinkedHashMap<>();
        final Bundle proxy;
        int state = Bundle.INSTALLED;

        FakeBundle(long id, String symbolicName, Version version, String location) {
            this.id = id;
            this.symbolicName = symbolicName;
            this.version = version;
            this.location = location;
            this.proxy = proxy(Bundle.class, this);
        }

        @Override
        public Object answer(Method method, Object[] args) throws Exception {
            switch (method.getName()) {
                case "getBundleId":
                    return id;
                case "getSymbolicName":
                    return symbolicName;
                case "getVersion":
                    return version;
                case "getLocation":
                    return location;
                case "getState":
                    return state;
                case "loadClass":
                    return Class.forName((String) args[0]);
                case "adapt":
                    return null; // no wiring: a fake bundle's contracts have major 0 (ContractKey)
                case "start":
                    state = Bundle.ACTIVE;
                    onStart.accept(proxy);
                    return null;
                case "uninstall":
                    List<Map.Entry<FakeReference, Driver>> leaving = new ArrayList<>(drivers.entrySet());
                    drivers.clear();
                    leaving.forEach(e -> tracker.removedService(e.getKey().proxy, e.getValue()));
                    state = Bundle.UNINSTALLED;
                    return null;
                default:
                    throw new UnsupportedOperationException("Bundle." + method.getName());
            }
        }
    }

    private static final class FakeReference implements Call {
        final FakeBundle bundle;
        final Map<String, Object> properties;
        final Object service;
        @SuppressWarnings("unchecked")
        final ServiceReference<Object> proxy = proxy(ServiceReference.class, this);

        FakeReference(FakeBundle bundle, Map<String, Object> properties, Object service) {
            this.bundle = bundle;
            this.properties = properties;
            this.service = service;
        }

        @Override
        public Object answer(Method method, Object[] args) {
            switch (method.getName()) {
                case "getProperty":
                    return properties.get((String) args[0]);
                case "getPropertyKeys":
                    return properties.keySet().toArray(new String[0]);
                case "getBundle":
                    return bundle.proxy;
                default:
                    throw new UnsupportedOperationException("ServiceReference." + method.getName());
            }
        }
    }
}
