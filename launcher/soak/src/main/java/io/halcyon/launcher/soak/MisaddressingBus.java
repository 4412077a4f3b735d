package io.halcyon.launcher.soak;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.osgi.framework.Bundle;

/**
 * Source of a register bus decorator nested in a deliberately bad driver version: every address the
 * driver uses lands {@value #SHIFT} bytes off, as in a build made against the wrong register map.
 * Generated from the bus interface itself, so it follows the API as it is: the first parameter of
 * a method, when a {@code long} or {@code long[]}, is the address.
 */
final class MisaddressingBus {

    static final String BUS = "io.halcyon.hal.api.bus.RegisterBus";
    static final int SHIFT = 0x100;

    private MisaddressingBus() {}

    static String source(Bundle driverBundle) {
        Class<?> bus;
        try {
            bus = driverBundle.loadClass(BUS);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(driverBundle.getSymbolicName() + " does not import " + BUS, e);
        }
        StringBuilder s = new StringBuilder();
        s.append("    static final class Misaddressing implements ").append(BUS).append(" {\n");
        s.append("        private final ").append(BUS).append(" bus;\n\n");
        s.append("        Misaddressing(").append(BUS).append(" bus) {\n            this.bus = bus;\n        }\n");
        for (Method m : bus.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers())) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            String declared = "";
            String passed = "";
            for (int i = 0; i < p.length; i++) {
                declared += (i == 0 ? "" : ", ") + p[i].getCanonicalName() + " a" + i;
                String arg = "a" + i;
                if (i == 0 && p[i] == long.class) {
                    arg = "a0 + " + SHIFT;
                } else if (i == 0 && p[i] == long[].class) {
                    arg = "java.util.Arrays.stream(a0).map(x -> x + " + SHIFT + ").toArray()";
                }
                passed += (i == 0 ? "" : ", ") + arg;
            }
            String returns = m.getGenericReturnType().getTypeName();
            s.append("\n        @Override\n        public ").append(returns).append(' ').append(m.getName()).append('(').append(declared).append(") {\n");
            s.append("            ").append(m.getReturnType() == void.class ? "" : "return ").append("bus.").append(m.getName())
                    .append('(').append(passed).append(");\n        }\n");
        }
        s.append("    }\n\n");
        return s.toString();
    }

    /**
     * Source of {@code onGeneration2(bus)}, nested in class {@code owner}: the bus itself, or a misaddressing
     * decorator of it when the chip it belongs to is of generation 2 (found among the registered buses by
     * identity: a driver receives the platform's bus service object).
     */
    static String onGeneration2Source(String owner) {
        return "    private static " + BUS + " onGeneration2(" + BUS + " bus) {\n"
                + "        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(" + owner + ".class).getBundleContext();\n"
                + "        try {\n"
                + "            org.osgi.framework.ServiceReference<?>[] refs = context.getServiceReferences(\"" + BUS + "\", \"(halcyon.generation=2)\");\n"
                + "            for (org.osgi.framework.ServiceReference<?> ref : refs == null ? new org.osgi.framework.ServiceReference<?>[0] : refs) {\n"
                + "                Object service = context.getService(ref);\n"
                + "                context.ungetService(ref);\n"
                + "                if (service == bus) {\n"
                + "                    return new Misaddressing(bus);\n"
                + "                }\n"
                + "            }\n"
                + "        } catch (org.osgi.framework.InvalidSyntaxException e) {\n"
                + "            throw new IllegalStateException(e);\n"
                + "        }\n"
                + "        return bus;\n"
                + "    }\n\n";
    }
}
