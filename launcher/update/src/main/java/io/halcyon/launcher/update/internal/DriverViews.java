package io.halcyon.launcher.update.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a driver says about hardware that the workload leaves alone (chip identity,
 * channel count, memory size and state), read through contract methods that only read registers
 * without side effects. The old driver's answers and the new driver's, both taken beside the
 * workload before the switch, must agree: a new version that decodes the hardware differently fails
 * the health gate before any consumer calls it.
 */
final class DriverViews {

    /** Contract to its side-effect-free, stable views (no-argument methods). */
    private static final Map<String, List<String>> VIEWS = Map.of(
            "io.halcyon.hal.api.sysctrl.SystemControl", List.of("identity"),
            "io.halcyon.hal.api.dma.DmaEngine", List.of("channels"),
            "io.halcyon.hal.api.hbm.HbmController", List.of("sizeBytes", "state"));

    private DriverViews() {}

    static Map<String, Object> read(ContractKey key, Object driver) throws UpdateFailure {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String contract : key.interfaces()) {
            for (String name : VIEWS.getOrDefault(contract, List.of())) {
                view.put(name, call(key, driver, name));
            }
        }
        return view;
    }

    static void compare(ContractKey key, Map<String, Object> before, Map<String, Object> after) throws UpdateFailure {
        for (Map.Entry<String, Object> e : before.entrySet()) {
            Object now = after.get(e.getKey());
            if (!Objects.equals(String.valueOf(e.getValue()), String.valueOf(now))) {
                throw new UpdateFailure("health gate: " + key + " " + e.getKey() + "() was " + e.getValue()
                        + " through the old driver, " + now + " through the new one");
            }
        }
    }

    private static Object call(ContractKey key, Object driver, String name) throws UpdateFailure {
        try {
            Method m = driver.getClass().getMethod(name);
            m.setAccessible(true);
            return m.invoke(driver);
        } catch (InvocationTargetException e) {
            throw new UpdateFailure("health gate: " + key + " " + name + "() threw " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UpdateFailure("health gate: " + key + " " + name + "() cannot be called: " + e);
        }
    }
}
