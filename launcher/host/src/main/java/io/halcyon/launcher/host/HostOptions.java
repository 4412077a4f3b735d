package io.halcyon.launcher.host;

import java.util.List;

/** What the user asked the host to do: {@code (no args)}, {@code shell} or {@code run '<command>'}. */
record HostOptions(Mode mode, String command) {

    enum Mode {
        /** The main job: start, detect the chip, print the status table, exit. */
        MAIN,
        /** Stay up with the interactive Gogo shell. */
        SHELL,
        /** Run one shell command and exit with a code that says whether it worked. */
        RUN
    }

    static final String USAGE = "usage: halcyon [shell | run '<shell command>']";

    static HostOptions parse(List<String> args) {
        if (args.isEmpty()) {
            return new HostOptions(Mode.MAIN, "hal:status");
        }
        switch (args.get(0)) {
            case "shell":
                if (args.size() == 1) {
                    return new HostOptions(Mode.SHELL, null);
                }
                break;
            case "run":
                if (args.size() >= 2) {
                    return new HostOptions(Mode.RUN, String.join(" ", args.subList(1, args.size())));
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException(USAGE);
    }
}
