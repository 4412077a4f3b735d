package io.halcyon.launcher.update.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.framework.ServiceRegistration;

/**
 * The service consumers hold for one block contract: a proxy that forwards each call to the current
 * driver. The common path is a counter increment, a read of the delegate and a read of the quiesce
 * flag, with no lock; only while the block is quiesced do callers wait on a monitor.
 *
 * <p>Quiescing must not let a call slip through to a driver that is being replaced, so a caller
 * counts itself in flight before it looks at the flag, and the updater raises the flag before it
 * waits for the count to drop to zero (both sides volatile, so one of them sees the other).
 */
final class StableService implements InvocationHandler {

    private final ContractKey key;
    private final Object proxy;
    private final long callerWaitNanos;
    private final LongAdder inFlight = new LongAdder();
    private final Object monitor = new Object();
    private volatile Object delegate;
    private volatile boolean quiesced;
    private ServiceRegistration<?> registration;

    StableService(ContractKey key, Class<?>[] interfaces, Object delegate, long callerWaitNanos) {
        this.key = key;
        this.delegate = delegate;
        this.callerWaitNanos = callerWaitNanos;
        this.proxy = Proxy.newProxyInstance(interfaces[0].getClassLoader(), interfaces, this);
    }

    ContractKey key() {
        return key;
    }

    Object proxy() {
        return proxy;
    }

    Object delegate() {
        return delegate;
    }

    void registration(ServiceRegistration<?> registration) {
        this.registration = registration;
    }

    ServiceRegistration<?> registration() {
        return registration;
    }

    /**
     * A driver came back outside an update (restarted by hand, or its platform reappeared), or, with
     * null, went for good: callers then wait for one, up to their bound.
     */
    void replaceDelegate(Object newDelegate) {
        synchronized (monitor) {
            delegate = newDelegate;
            monitor.notifyAll();
        }
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(self, method, args);
        }
        inFlight.increment();
        try {
            Object target = delegate;
            if (quiesced || target == null) {
                target = awaitResumed();
            }
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            inFlight.decrement();
            if (quiesced) {
                synchronized (monitor) {
                    monitor.notifyAll(); // the updater waits for the last call in flight
                }
            }
        }
    }

    /**
     * Slow path: leaves the in-flight count while it waits, so the updater can drain, and counts
     * itself back in before it returns or throws (the caller's finally takes it out again).
     */
    private Object awaitResumed() {
        long deadline = System.nanoTime() + callerWaitNanos;
        while (true) {
            inFlight.decrement();
            try {
                awaitNotQuiesced(deadline);
            } finally {
                inFlight.increment();
            }
            Object target = delegate;
            if (!quiesced && target != null) {
                return target;
            }
        }
    }

    private void awaitNotQuiesced(long deadline) {
        synchronized (monitor) {
            monitor.notifyAll();
            while (quiesced || delegate == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(key + ": no driver serves this block after "
                            + TimeUnit.NANOSECONDS.toMillis(callerWaitNanos) + " ms (an update or its rollback did not finish)");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(key + ": interrupted while the block was being updated", e);
                }
            }
        }
    }

    /**
     * Holds new calls and waits until the calls in flight have returned.
     *
     * @return true when none is left in flight; false if some still run after {@code boundNanos}
     */
    boolean quiesce(long boundNanos) throws InterruptedException {
        long deadline = System.nanoTime() + boundNanos;
        synchronized (monitor) {
            quiesced = true;
            while (inFlight.sum() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
            }
            return true;
        }
    }

    /** Lets the held callers through, to {@code newDelegate}. */
    void resume(Object newDelegate) {
        synchronized (monitor) {
            delegate = newDelegate;
            quiesced = false;
            monitor.notifyAll();
        }
    }

    private Object objectMethod(Object self, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            default:
                return "stable " + key;
        }
    }
}
