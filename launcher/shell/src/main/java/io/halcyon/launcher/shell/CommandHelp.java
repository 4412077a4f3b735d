package io.halcyon.launcher.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Help for {@code hal:} commands, read from the commands themselves: the method's {@link Descriptor},
 * each parameter's name (the bundle is compiled with {@code -parameters}) and {@link Descriptor}, and
 * each option's names and default ({@link Parameter#absentValue()}). Nothing is written twice, so the
 * help cannot drift from what the command accepts. Gogo's own {@code help} prints types instead of
 * names and "[optional]" instead of defaults, which is what issue 18 found unhelpful. Pure: unit-tested
 * on plain classes.
 */
final class CommandHelp {
    private CommandHelp() {}

    /** One command function: its scope, its name and the class whose public methods implement it. */
    record Command(String scope, String function, Class<?> type) {
        String name() {
            return scope + ":" + function;
        }

        /**
         * The public methods named like the function that have a descriptor, most parameters first (Gogo
         * tries them all; one without a descriptor only turns wrong arguments into the usage line).
         */
        List<Method> methods() {
            return Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(function) && Modifier.isPublic(m.getModifiers()))
                    .filter(m -> m.isAnnotationPresent(Descriptor.class))
                    .sorted(Comparator.comparingInt(Method::getParameterCount).reversed()).toList();
        }

        /** The first line of the descriptor of the first method that has one. */
        String summary() {
            return methods().stream().map(m -> m.getAnnotation(Descriptor.class)).filter(d -> d != null)
                    .map(d -> d.value().lines().findFirst().orElse("")).findFirst().orElse("(no description)");
        }
    }

    /** {@code hal:help}: every command, sorted, with its one-line summary. */
    static String listing(List<Command> commands) {
        Map<String, String> rows = new TreeMap<>();
        commands.forEach(c -> rows.put(c.name(), c.summary()));
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        rows.forEach((name, summary) -> out.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", name, summary)));
        out.append("help hal:COMMAND shows a command's parameters and options with their defaults.\n");
        return out.toString();
    }

    /** {@code help hal:CMD}: usage line, description, then each parameter and option with its default. */
    static String detail(Command c) {
        StringBuilder out = new StringBuilder();
        for (Method m : c.methods()) {
            List<String[]> rows = new ArrayList<>();
            StringBuilder usage = new StringBuilder(c.name());
            java.lang.reflect.Parameter[] params = m.getParameters();
            for (java.lang.reflect.Parameter p : params) {
                if (p.getType() == CommandSession.class) {
                    continue;
                }
                Parameter option = p.getAnnotation(Parameter.class);
                String description = Optional.ofNullable(p.getAnnotation(Descriptor.class)).map(Descriptor::value).orElse("");
                if (option != null) {
                    boolean flag = !Parameter.UNSPECIFIED.equals(option.presentValue());
                    String names = String.join(", ", option.names());
                    String value = flag ? "" : " " + metavar(p.getName());
                    usage.append(" [").append(option.names()[0]).append(value).append(']');
                    rows.add(new String[] {names + value, description + (flag ? " (default: off)" : defaultOf(option))});
                } else {
                    String name = metavar(p.getName()) + (p.isVarArgs() ? "..." : "");
                    usage.append(' ').append(name);
                    rows.add(new String[] {name, description});
                }
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(usage).append('\n');
            Optional.ofNullable(m.getAnnotation(Descriptor.class)).ifPresent(d -> out.append("  ").append(d.value()).append('\n'));
            int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
            for (String[] r : rows) {
                out.append(String.format(Locale.ROOT, "    %-" + width + "s  %s%n", r[0], r[1]));
            }
        }
        return out.toString();
    }

    private static String defaultOf(Parameter option) {
        String absent = option.absentValue();
        if (Parameter.UNSPECIFIED.equals(absent)) {
            return " (required)";
        }
        return absent.isEmpty() ? " (default: none)" : " (default: " + absent + ")";
    }

    /** A parameter's Java name as the usage shows it: {@code holdSeconds} becomes HOLD_SECONDS. */
    static String metavar(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
