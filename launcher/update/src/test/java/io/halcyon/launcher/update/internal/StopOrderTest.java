package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Users stop before what they use, whatever order the bundles were installed in. */
public class StopOrderTest {

    private final Map<Bundle, List<ServiceReference<?>>> inUse = new HashMap<>();
    private final Map<ServiceReference<?>, Bundle> servers = new HashMap<>();

    @Test
    public void usersStopBeforeWhatTheyUseAndTheLastInstalledFirstOtherwise() {
        Bundle api = bundle(1, "api");
        Bundle platform = bundle(2, "platform");
        Bundle driver = bundle(3, "driver");
        Bundle workload = bundle(4, "workload");
        Bundle shell = bundle(5, "shell");
        uses(driver, platform);
        uses(workload, driver); // through a stable service, which the manager maps to the driver's bundle
        uses(workload, platform);
        uses(shell, workload);
        List<Bundle> order = StopOrder.usersFirst(List.of(platform, api, driver, workload, shell), servers::get);
        assertEquals(List.of("shell", "workload", "driver", "platform", "api"), names(order));
    }

    @Test
    public void aCycleIsBrokenByInstallationOrder() {
        Bundle a = bundle(1, "a");
        Bundle b = bundle(2, "b");
        uses(a, b);
        uses(b, a);
        assertEquals(List.of("b", "a"), names(StopOrder.usersFirst(List.of(a, b), servers::get)));
    }

    private void uses(Bundle user, Bundle server) {
        ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (p, m, args) -> m.getName().equals("hashCode") ? System.identityHashCode(p)
                        : m.getName().equals("equals") ? p == args[0] : null);
        servers.put(ref, server);
        inUse.computeIfAbsent(user, u -> new ArrayList<>()).add(ref);
    }

    private Bundle bundle(long id, String name) {
        Bundle[] self = new Bundle[1];
        self[0] = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "getBundleId":
                    return id;
                case "getSymbolicName":
                    return name;
                case "getServicesInUse":
                    return inUse.getOrDefault(self[0], List.of()).toArray(new ServiceReference<?>[0]);
                case "hashCode":
                    return Long.hashCode(id);
                case "equals":
                    return p == args[0];
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        });
        return self[0];
    }

    private static List<String> names(List<Bundle> bundles) {
        return bundles.stream().map(Bundle::getSymbolicName).toList();
    }
}
