package io.halcyon.launcher.fleet.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The host's own commands, run through Gogo as an operator would run them, so the agent (like the
 * update manager) imports no API bundle and an API update never restarts it. The chips are those the
 * platforms publish (services with a {@code halcyon.chip} property), one or many.
 */
final class HostCommands {

    /** A command that failed: which, on which chip, and what it said. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private static final String PLATFORM_INFO = "(&(objectClass=io.halcyon.hal.api.platform.PlatformInfo)(halcyon.chip=*))";

    private final BundleContext context;
    private final CommandProcessor processor;

    HostCommands(BundleContext context, CommandProcessor processor) {
        this.context = context;
        this.processor = processor;
    }

    /** The chips of this host, by number. */
    List<Integer> chips() {
        TreeSet<Integer> chips = new TreeSet<>();
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, PLATFORM_INFO);
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                chips.add(Integer.parseInt(String.valueOf(r.getProperty("halcyon.chip"))));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(chips);
    }

    /**
     * {@code command} on chip {@code chip}: chip 0 as the command is, any other with {@code --chip N}, in a
     * session of its own.
     *
     * @return what it printed
     */
    String run(String command, int chip) throws Failure {
        try (Session session = open()) {
            return session.run(command, chip);
        }
    }

    /** A session for many commands (a workload's: a session per call would cost a session's streams each time). */
    Session open() {
        return new Session();
    }

    /** One Gogo session whose output each command's result is cut from. */
    final class Session implements AutoCloseable {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CommandSession session;

        private Session() {
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        }

        String run(String command, int chip) throws Failure {
            String line = chip == 0 ? command : command + " --chip " + chip;
            out.reset();
            session.put("halcyon.exit", null);
            try {
                Object result = session.execute(line);
                Object exit = session.get("halcyon.exit");
                String text = out.toString(StandardCharsets.UTF_8) + (result == null ? "" : session.format(result, 0));
                if (exit instanceof Number n && n.intValue() != 0) {
                    throw new Failure("chip " + chip + ": " + line + " exited " + n + ": " + firstLine(text));
                }
                return text;
            } catch (Failure f) {
                throw f;
            } catch (Exception e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
                throw new Failure("chip " + chip + ": " + line + ": " + (cause.getMessage() == null ? cause.toString() : firstLine(cause.getMessage())));
            }
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
