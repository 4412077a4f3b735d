package io.halcyon.launcher.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * {@code help} and {@code exit} as the interactive console's user types them. The host's console profile
 * (launcher/host/src/main/interactive/etc/gosh_profile) puts scope {@code halcyon} first, so these two
 * names resolve here and nothing else changes. Gogo's own {@code help hal} searches for a method named
 * "hal" and finds none, and the stock profile's {@code exit} is {@code System.exit(int)}, which cannot be
 * called without a number and would skip the host's clean stop if it could.
 */
@Component(service = Object.class, property = {"osgi.command.scope=halcyon", "osgi.command.function=help",
        "osgi.command.function=exit", "osgi.command.function=names"})
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

    @Descriptor("completion candidates for a hal: command line: block, register and FIELD= names (the console's Tab calls it)")
    public List<Object> names(@Descriptor("the words of the line, the command first") List<Object> words,
            @Descriptor("the index of the word being completed") int index) throws InvalidSyntaxException {
        Map<String, HardwareBlock> blocks = new TreeMap<>();
        List<ServiceReference<HardwareBlock>> held = new ArrayList<>();
        try {
            for (ServiceReference<HardwareBlock> ref : context.getServiceReferences(HardwareBlock.class, "(halcyon.chip=0)")) {
                HardwareBlock b = context.getService(ref);
                if (b != null) {
                    held.add(ref);
                    blocks.putIfAbsent(b.name().toLowerCase(Locale.ROOT), b);
                }
            }
            List<Object> out = new ArrayList<>();
            for (String name : Completion.candidates(words.stream().map(String::valueOf).toList(), index, blocks)) {
                out.add(candidate(name));
            }
            return out;
        } finally {
            held.forEach(context::ungetService);
        }
    }

    /**
     * A {@code FIELD=} name is not a whole word: as a JLine candidate marked incomplete, the console adds no
     * space after it. Plain strings where JLine is not there (the console is only added for `halcyon shell`).
     */
    private static Object candidate(String name) {
        try {
            return new org.jline.reader.Candidate(name, name, null, null, null, null, !name.endsWith("="));
        } catch (NoClassDefFoundError e) {
            return name;
        }
    }

    @Descriptor("leave the shell: stops the host cleanly (drivers, update manager, framework) and returns to the terminal")
    public void exit() throws BundleException {
        // Stopping the system bundle returns at once and stops the framework on Felix's own thread; the
        // host, waiting for that stop, then cleans up its run folder and exits 0.
        context.getBundle(0).stop();
    }
}
