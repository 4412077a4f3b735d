package io.halcyon.launcher.host;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A Gogo command session opened from outside the framework. The host's class loader cannot see
 * Gogo's API (it lives in a bundle), so the two calls it needs are made reflectively through the
 * API interfaces loaded from the Gogo bundle. This is management plumbing, not a register path.
 */
final class GogoSession implements AutoCloseable {

    static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    /**
     * Session variable a command sets to the exit code the host should end with, when it has one of its
     * own (an Integer; e.g. {@code hal:hitl}'s code for a configured platform that did not run).
     */
    static final String EXIT_CODE = "halcyon.exit";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private final BundleContext context;
    private final ServiceReference<?> ref;
    private final Object session;
    private final Method execute;
    private final Method close;
    private final Method get;

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
        this.get = sessionApi.getMethod("get", String.class);
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

    /** The exit code the last command asked for ({@link #EXIT_CODE}), if it asked for one. */
    Optional<Integer> exitCode() {
        try {
            return get.invoke(session, EXIT_CODE) instanceof Integer code ? Optional.of(code) : Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
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
