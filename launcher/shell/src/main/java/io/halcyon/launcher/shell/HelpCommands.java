package io.halcyon.launcher.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code hal:help}: every {@code hal:} command registered on this host (the soak's too, when its
 * assembly runs), found when asked from the command services themselves, so a command added to any
 * bundle is listed without editing a list here.
 */
@Component(service = {Object.class, HelpCommands.class}, property = {"osgi.command.scope=hal", "osgi.command.function=help"})
public class HelpCommands {

    static final String SCOPE = "hal";

    private final BundleContext context;

    @Activate
    public HelpCommands(BundleContext context) {
        this.context = context;
    }

    @Descriptor("list every hal: command with a one-line summary, or show one command's parameters and options with their defaults")
    public String help(@Descriptor("a command, e.g. read or hal:read (none: list them all)") String... command) {
        if (command.length == 0 || command.length == 1 && command[0].equals(SCOPE)) {
            return CommandHelp.listing(commands());
        }
        if (command.length > 1) {
            throw new IllegalArgumentException("usage: hal:help [COMMAND]");
        }
        return find(command[0]).map(CommandHelp::detail).orElseThrow(() -> new IllegalArgumentException(
                "no command " + qualified(command[0]) + "; hal:help lists them"));
    }

    /** The command named {@code name} ({@code read} or {@code hal:read}), if this host has it. */
    Optional<CommandHelp.Command> find(String name) {
        String qualified = qualified(name);
        return commands().stream().filter(c -> c.name().equals(qualified)).findFirst();
    }

    private static String qualified(String name) {
        return name.contains(":") ? name : SCOPE + ":" + name;
    }

    List<CommandHelp.Command> commands() {
        List<CommandHelp.Command> commands = new ArrayList<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences((String) null, "(osgi.command.scope=" + SCOPE + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = context.getService(ref);
            if (service == null) {
                continue;
            }
            try {
                Object functions = ref.getProperty("osgi.command.function");
                String[] names = functions instanceof String[] a ? a : new String[] {String.valueOf(functions)};
                for (String f : names) {
                    commands.add(new CommandHelp.Command(SCOPE, f, service.getClass()));
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return commands;
    }
}
