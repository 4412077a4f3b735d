package io.halcyon.platform.chipmodel.runtime;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Configuration Admin in memory, as far as publication uses it: named factory configurations, their
 * properties and location, listing by filter, deletion. Anything else fails the test.
 */
final class FakeConfigurationAdmin {

    /** One configuration as stored: its factory PID, location and properties (null until updated). */
    static final class Stored {
        final String factoryPid;
        final String location;
        Dictionary<String, Object> properties;

        Stored(String factoryPid, String location) {
            this.factoryPid = factoryPid;
            this.location = location;
        }
    }

    final Map<String, Stored> byPid = new LinkedHashMap<>();

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConfigurationAdmin.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getFactoryConfiguration" -> {
                        if (args.length != 3) {
                            throw new AssertionError("a named factory configuration with a location is expected");
                        }
                        String pid = args[0] + "~" + args[1];
                        byPid.computeIfAbsent(pid, p -> new Stored((String) args[0], (String) args[2]));
                        yield configuration(pid);
                    }
                    case "listConfigurations" -> list((String) args[0]);
                    default -> throw new AssertionError("not expected: " + method.getName());
                });
    }

    private Configuration[] list(String filterText) throws Exception {
        Filter filter = FrameworkUtil.createFilter(filterText);
        Configuration[] found = byPid.entrySet().stream()
                .filter(e -> e.getValue().properties != null && filter.match(e.getValue().properties))
                .map(e -> configuration(e.getKey())).toArray(Configuration[]::new);
        return found.length == 0 ? null : found;
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (self, method, args) -> {
                    Stored stored = byPid.get(pid);
                    if (stored == null) {
                        throw new IllegalStateException("configuration " + pid + " deleted");
                    }
                    switch (method.getName()) {
                        case "getPid" -> {
                            return pid;
                        }
                        case "getFactoryPid" -> {
                            return stored.factoryPid;
                        }
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                            stored.properties = properties;
                            return null;
                        }
                        case "delete" -> {
                            byPid.remove(pid);
                            return null;
                        }
                        default -> throw new AssertionError("not expected: " + method.getName());
                    }
                });
    }
}
