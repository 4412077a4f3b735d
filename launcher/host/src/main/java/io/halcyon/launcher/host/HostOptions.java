package io.halcyon.launcher.host;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked the host to do: {@code [--json] [--out DIR]} (the main job), {@code shell} or
 * {@code run '<command>'}.
 *
 * @param json the main job prints only its summary, as JSON (and nothing else on stdout)
 */
record HostOptions(Mode mode, String command, boolean json) {

    enum Mode {
        /** The main job: bring-up, training with progress, pictures, summary; then exit. */
        MAIN,
        /** Stay up with the interactive Gogo shell. */
        SHELL,
        /** Run one shell command and exit with a code that says whether it worked. */
        RUN,
        /** Stay up without a console, serving the web console (HALCYON_CONSOLE, default port 8080) until stopped. */
        SERVE
    }

    static final String USAGE = "usage: halcyon [--json] [--out DIR] | shell | serve | run '<shell command>'";

    /**
     * @param defaultOut where the main job writes its pictures unless {@code --out} says otherwise
     * @param terminal stdout is a terminal: the main job draws its progress bar in place
     */
    static HostOptions parse(List<String> args, Path defaultOut, boolean terminal) {
        if (!args.isEmpty() && args.get(0).equals("shell") && args.size() == 1) {
            return new HostOptions(Mode.SHELL, null, false);
        }
        if (!args.isEmpty() && args.get(0).equals("serve") && args.size() == 1) {
            return new HostOptions(Mode.SERVE, null, false);
        }
        if (!args.isEmpty() && args.get(0).equals("run")) {
            if (args.size() >= 2) {
                return new HostOptions(Mode.RUN, String.join(" ", args.subList(1, args.size())), false);
            }
            throw new IllegalArgumentException(USAGE);
        }
        boolean json = false;
        Path out = defaultOut;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--json" -> json = true;
                case "--out" -> {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException("--out needs a directory; " + USAGE);
                    }
                    out = Path.of(args.get(++i));
                }
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        String command = "hal:mainjob --out " + quote(out.toAbsolutePath().normalize().toString())
                + " --progress " + (json ? "none" : terminal ? "bar" : "lines") + (json ? " --json" : "");
        return new HostOptions(Mode.MAIN, command, json);
    }

    /** A Gogo string literal: single quotes keep every character as it is, except a single quote. */
    private static String quote(String s) {
        if (s.contains("'")) {
            throw new IllegalArgumentException("--out: directory names with a single quote are not supported: " + s);
        }
        return "'" + s + "'";
    }
}
