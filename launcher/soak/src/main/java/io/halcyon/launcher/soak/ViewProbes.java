package io.halcyon.launcher.soak;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/**
 * A probe call over every block of a chip: each block service's configured views ({@code @View(CONFIGURED)}),
 * called in turn beside the workload through the services consumers hold, must keep the answer they
 * first gave (nothing in a soak reconfigures a block). Views read no register with a side effect, so
 * the workload's results cannot depend on the probe. One probe, so one caller thread: the machine's
 * cores go to the workload and the updates, and every block is still called across every swap.
 */
final class ViewProbes {

    private ViewProbes() {}

    static ProbeCallers.Probe of(BundleContext context, String chipFilter) throws InvalidSyntaxException {
        List<ProbeCallers.Probe> probes = new ArrayList<>();
        ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(&" + chipFilter + "(halcyon.block=*)(halcyon.stable=true))");
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = context.getService(ref);
            for (Class<?> contract : service.getClass().getInterfaces()) {
                for (Method view : contract.getMethods()) {
                    View v = view.getAnnotation(View.class);
                    if (v != null && v.value() == Stability.CONFIGURED && view.getParameterCount() == 0) {
                        probes.add(probe(ref.getProperty("halcyon.block") + " " + contract.getSimpleName() + "." + view.getName() + "()",
                                service, view));
                    }
                }
            }
        }
        if (probes.isEmpty()) {
            throw new IllegalStateException("no block service with a configured view on " + chipFilter);
        }
        return () -> probes.forEach(ProbeCallers.Probe::call);
    }

    private static ProbeCallers.Probe probe(String name, Object service, Method view) {
        Object first = call(name, service, view);
        return () -> {
            Object now = call(name, service, view);
            if (!Objects.equals(first, now)) {
                throw new IllegalStateException(name + " answered " + now + ", first " + first);
            }
        };
    }

    private static Object call(String name, Object service, Method view) {
        try {
            return view.invoke(service);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + " cannot be called: " + e, e);
        }
    }
}
