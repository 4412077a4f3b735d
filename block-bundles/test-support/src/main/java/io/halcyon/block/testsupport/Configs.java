package io.halcyon.block.testsupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Instances of a component's configuration annotation for unit tests, as Declarative Services would
 * pass them: the given values, and the annotation's defaults for the rest.
 */
public final class Configs {

    private Configs() {}

    /**
     * @param type the configuration annotation (it may be package-private)
     * @param values element name to value, e.g. {@code base_address -> 0x4_0000L}
     */
    public static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        for (String name : values.keySet()) {
            try {
                type.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no element " + name, e);
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer(type, values, self, method, args));
        return type.cast(proxy);
    }

    /**
     * A block-instance configuration as a platform publishes it from the chip map: instance
     * {@code block} of chip 0 at {@code baseAddress}, its bus selected by the chip.
     */
    public static <A extends Annotation> A instance(Class<A> type, String block, long baseAddress) {
        return of(type, Map.of("base_address", baseAddress, "halcyon_block", block, "halcyon_chip", "0",
                "bus_target", "(halcyon.chip=0)"));
    }

    private static Object answer(Class<?> type, Map<String, Object> values, Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "annotationType" -> type;
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> args[0] == self;
            case "toString" -> type.getSimpleName() + values;
            default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
        };
    }
}
