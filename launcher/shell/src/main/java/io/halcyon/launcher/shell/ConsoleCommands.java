package io.halcyon.launcher.shell;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code help} and {@code exit} as the interactive console's user types them. The host's console profile
 * (launcher/host/src/main/interactive/etc/gosh_profile) puts scope {@code halcyon} first, so these two
 * names resolve here and nothing else changes. Gogo's own {@code help hal} searches for a method named
 * "hal" and finds none, and the stock profile's {@code exit} is {@code System.exit(int)}, which cannot be
 * called without a number and would skip the host's clean stop if it could.
 */
@Component(service = Object.class, property = {"osgi.command.scope=halcyon", "osgi.command.function=help",
        "osgi.command.function=exit"})
public class ConsoleCommands {

    private final BundleContext context;
    private final HelpCommands hal;

    @Activate
    public ConsoleCommands(BundleContext context, @Reference HelpCommands hal) {
        this.context = context;
        this.hal = hal;
    }

    @Descriptor("help hal lists the hal: commands; help hal:COMMAND describes one; help alone lists every command of the shell")
    public Object help(CommandSession session, @Descriptor("hal, a command (e.g. hal:read), or nothing") String... topic) throws Exception {
        if (topic.length == 1 && (topic[0].equals(HelpCommands.SCOPE) || topic[0].startsWith(HelpCommands.SCOPE + ":"))) {
            return hal.help(topic);
        }
        // Everything else is Gogo's own help, called as a function so the topic is never parsed as script.
        Object gogoHelp = session.get("gogo:help");
        if (!(gogoHelp instanceof Function f)) {
            return hal.help();
        }
        Object result = f.execute(session, List.of((Object[]) topic));
        if (topic.length == 0) {
            System.out.println("\nhelp hal lists the HAL's commands with a summary; exit leaves the shell.");
        }
        return result;
    }

    @Descriptor("leave the shell: stops the host cleanly (drivers, update manager, framework) and returns to the terminal")
    public void exit() throws BundleException {
        // Stopping the system bundle returns at once and stops the framework on Felix's own thread; the
        // host, waiting for that stop, then cleans up its run folder and exits 0.
        context.getBundle(0).stop();
    }
}
