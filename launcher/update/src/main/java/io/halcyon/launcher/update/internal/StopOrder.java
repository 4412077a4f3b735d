package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The order in which an API update stops the bundles it refreshes: users before what they use, so that
 * no bundle loses a service while it still runs, and a consumer that finishes its work in flight as it
 * stops (the training workload does) finishes it on drivers and a platform that still run. "Uses" is
 * read from the framework ({@link Bundle#getServicesInUse()}), with each service mapped to the bundle
 * whose code serves it (a stable service to its driver's bundle). Where nothing orders two bundles, the
 * one installed last stops first; a cycle is broken the same way. They are started again in the
 * reverse order.
 */
final class StopOrder {

    private StopOrder() {}

    /** @param serverOf the bundle whose code serves calls on a service */
    static List<Bundle> usersFirst(Collection<Bundle> bundles, Function<ServiceReference<?>, Bundle> serverOf) {
        Map<Bundle, Set<Bundle>> users = new HashMap<>();
        bundles.forEach(b -> users.put(b, new HashSet<>()));
        for (Bundle user : bundles) {
            ServiceReference<?>[] inUse = user.getServicesInUse();
            for (ServiceReference<?> ref : inUse == null ? new ServiceReference<?>[0] : inUse) {
                Bundle server = serverOf.apply(ref);
                if (server != null && !server.equals(user) && users.containsKey(server)) {
                    users.get(server).add(user);
                }
            }
        }
        List<Bundle> order = new ArrayList<>();
        List<Bundle> left = new ArrayList<>(bundles);
        left.sort(Comparator.comparingLong(Bundle::getBundleId).reversed());
        while (!left.isEmpty()) {
            Bundle next = left.stream().filter(b -> users.get(b).stream().noneMatch(left::contains)).findFirst().orElse(left.get(0));
            order.add(next);
            left.remove(next);
        }
        return order;
    }
}
