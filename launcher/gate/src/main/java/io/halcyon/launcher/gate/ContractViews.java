package io.halcyon.launcher.gate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;
import io.halcyon.launcher.update.UpdateGate;

/**
 * Compares a contract's views between the running driver and the new one, both called beside the
 * workload before any consumer calls the new driver. The views are the contract's methods annotated
 * {@link View}, found on the contract's interfaces themselves: no list of method names is kept here,
 * and a contract gains a check by declaring a view.
 *
 * <p>How a view is compared follows its {@link Stability}. A configured view is read through the
 * running driver, the new one and the running one again; when the two running reads agree the new
 * one must equal them (when they do not, the block was reconfigured meanwhile: the read is tried
 * again, and after {@value #ATTEMPTS} attempts the view counts as unsettled, not as checked). A
 * counting view read through the new driver must lie between the two reads through the running one.
 * A live view only has to be answered by the new driver without an error. A view that throws through
 * the new driver fails the gate (a misaddressing version meets a decode error here).
 */
final class ContractViews {

    static final int ATTEMPTS = 3;

    private final UpdateGate.Contract contract;
    private final Tally tally;

    ContractViews(UpdateGate.Contract contract, Tally tally) {
        this.contract = contract;
        this.tally = tally;
    }

    /** The views the contract's interfaces declare, in a fixed order (interface, then method name). */
    static List<Method> views(Object driver, List<String> interfaces) {
        List<Method> views = new ArrayList<>();
        for (String name : interfaces) {
            Class<?> contract = interfaceNamed(driver.getClass(), name);
            if (contract == null) {
                continue;
            }
            List<Method> declared = new ArrayList<>();
            for (Method m : contract.getMethods()) {
                if (m.getParameterCount() == 0 && m.isAnnotationPresent(View.class)) {
                    declared.add(m);
                }
            }
            declared.sort(Comparator.comparing(Method::getName));
            views.addAll(declared);
        }
        return views;
    }

    void compare() throws GateFailure {
        for (Method view : views(contract.staged(), contract.interfaces())) {
            switch (view.getAnnotation(View.class).value()) {
                case CONFIGURED -> compareConfigured(view);
                case COUNTING -> compareCounting(view);
                case LIVE -> {
                    callNew(view);
                    tally.liveViewsRead++;
                }
            }
        }
    }

    /**
     * How one reading through the new driver compares with two through the running one around it.
     * Returns false when the running reads did not settle (the block changed meanwhile): try again.
     */
    private interface Judgement {
        boolean judge(Object before, Object now, Object after) throws GateFailure;
    }

    private void compareConfigured(Method view) throws GateFailure {
        bracket(view, (before, now, after) -> {
            if (before == Unreadable.INSTANCE || !Objects.equals(before, after)) {
                return false;
            }
            if (!Objects.equals(before, now)) {
                throw new GateFailure("health gate: " + where(view) + " reads " + before + " through the running version, " + now
                        + " through the new one");
            }
            tally.viewsEqual++;
            return true;
        });
    }

    private void compareCounting(Method view) throws GateFailure {
        bracket(view, (before, now, after) -> {
            if (!(before instanceof Number low) || !(after instanceof Number high) || low.longValue() > high.longValue()) {
                return false; // unreadable, or the count wrapped or was reset meanwhile
            }
            if (!(now instanceof Number count)) {
                throw new GateFailure("health gate: " + where(view) + " is declared counting but answers " + now);
            }
            long n = count.longValue();
            if (n < low.longValue() || n > high.longValue()) {
                throw new GateFailure("health gate: " + where(view) + " counts " + n + " through the new version, outside "
                        + low + ".." + high + " read through the running one around it");
            }
            tally.countersInRange++;
            return true;
        });
    }

    /** Reads the view running, new, running, up to {@value #ATTEMPTS} times, until {@code judgement} settles it; else it is unsettled. */
    private void bracket(Method view, Judgement judgement) throws GateFailure {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Object before = callRunning(view);
            Object now = callNew(view);
            Object after = callRunning(view);
            if (judgement.judge(before, now, after)) {
                return;
            }
        }
        tally.viewsUnsettled++;
    }

    /** The running driver's answer, or {@link Unreadable} when it throws (it cannot be compared, so the view is unsettled). */
    private Object callRunning(Method view) {
        try {
            return view.invoke(contract.running());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Unreadable.INSTANCE;
        }
    }

    private Object callNew(Method view) throws GateFailure {
        try {
            return view.invoke(contract.staged());
        } catch (InvocationTargetException e) {
            throw new GateFailure("health gate: " + where(view) + " throws through the new version: " + oneLine(e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new GateFailure("health gate: " + where(view) + " cannot be called on the new version: " + oneLine(e));
        }
    }

    private String where(Method view) {
        return contract.block() + " (chip " + contract.chip() + ") " + view.getDeclaringClass().getSimpleName() + "." + view.getName()
                + "()";
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(m));
    }

    /** The interface of that name {@code type} implements, directly or through a superclass or superinterface. */
    private static Class<?> interfaceNamed(Class<?> type, String name) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (c.isInterface() && c.getName().equals(name)) {
                return c;
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(List.of(c.getInterfaces()));
        }
        return null;
    }

    /** A running driver's view that threw: never equal to anything. */
    private enum Unreadable {
        INSTANCE
    }
}
