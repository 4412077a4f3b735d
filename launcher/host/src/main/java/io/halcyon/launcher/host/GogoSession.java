package io.halcyon.launcher.host;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A Gogo command session opened from outside the framework. The host's class loader cannot see
 * Gogo's API (it lives in a bundle), so the two calls it needs are made reflectively through the
 * API interfaces loaded from the Gogo bundle. This is management plumbing, not a register path.
 */
final class GogoSession implements AutoCloseable {

    static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private final BundleContext context;
    private final ServiceReference<?> ref;
    private final Object session;
    private final Method execute;
    private final Method close;

    GogoSession(BundleContext context, InputStream in, PrintStream out, PrintStream err) throws ReflectiveOperationException {
        this.context = context;
        this.ref = context.getServiceReference(PROCESSOR);
        if (ref == null) {
            throw new IllegalStateException("the Gogo command processor is not running");
        }
        Object processor = context.getService(ref);
        ClassLoader gogo = processor.getClass().getClassLoader();
        Class<?> processorApi = gogo.loadClass(PROCESSOR);
        Class<?> sessionApi = gogo.loadClass(SESSION);
        this.session = processorApi.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, in, out, err);
        this.execute = sessionApi.getMethod("execute", CharSequence.class);
        this.close = sessionApi.getMethod("close");
    }

    /** Runs one command line; returns its result (often the text to print) or throws what the command threw. */
    Object execute(String commandLine) throws Exception {
        try {
            return execute.invoke(session, commandLine);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        try {
            close.invoke(session);
        } catch (ReflectiveOperationException e) {
            // closing a session we are done with: nothing left to protect
        } finally {
            context.ungetService(ref);
        }
    }
}
