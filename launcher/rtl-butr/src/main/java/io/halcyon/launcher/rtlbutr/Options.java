package io.halcyon.launcher.rtlbutr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code rtl-butr}. Bad input is a {@link UsageException} with one line and the usage.
 *
 * @param includes include folders: for the .rdl files' {@code `include} and the RTL's (their Verilog
 *     headers go into the build)
 * @param ties non-bus inputs of the top given a constant (a SystemVerilog expression) instead of zero
 */
record Options(List<Path> rdl, List<Path> rtl, String top, Bus bus, List<Path> includes, Optional<String> rdlTop,
        Optional<Path> junit, long seed, Map<String, String> ties) {

    static final String USAGE = "usage: rtl-butr --rdl FILE... --rtl FILE... --top MODULE --bus apb4|axi4-lite [-I DIR]... "
            + "[--rdl-top ADDRMAP] [--tie PORT=VALUE]... [--seed N] [--junit FILE]";

    /** A command line that cannot be run: exit code 2. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message + "\n" + USAGE);
        }
    }

    static Options parse(String... args) {
        List<Path> rdl = new ArrayList<>();
        List<Path> rtl = new ArrayList<>();
        List<Path> includes = new ArrayList<>();
        Map<String, String> ties = new LinkedHashMap<>();
        String top = null;
        String bus = null;
        String rdlTop = null;
        Path junit = null;
        long seed = 0;
        List<Path> current = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rdl" -> current = rdl;
                case "--rtl" -> current = rtl;
                case "--top" -> top = value(args, ++i, a);
                case "--bus" -> bus = value(args, ++i, a);
                case "-I" -> includes.add(Path.of(value(args, ++i, a)));
                case "--rdl-top" -> rdlTop = value(args, ++i, a);
                case "--junit" -> junit = Path.of(value(args, ++i, a));
                case "--seed" -> seed = seed(value(args, ++i, a));
                case "--tie" -> tie(ties, value(args, ++i, a));
                case "-h", "--help" -> throw new UsageException("rtl-butr: a register block's RTL checked against its SystemRDL");
                default -> {
                    if (a.startsWith("-I") && a.length() > 2) {
                        includes.add(Path.of(a.substring(2)));
                    } else if (a.startsWith("-") || current == null) {
                        throw new UsageException("unexpected '" + a + "'");
                    } else {
                        current.add(Path.of(a));
                    }
                }
            }
            if (!a.equals("--rdl") && !a.equals("--rtl") && a.startsWith("-")) {
                current = null;
            }
        }
        if (rdl.isEmpty() || rtl.isEmpty() || top == null || bus == null) {
            throw new UsageException("--rdl, --rtl, --top and --bus are needed");
        }
        for (Path f : concat(rdl, rtl)) {
            if (!Files.isRegularFile(f)) {
                throw new UsageException(f + ": no such file");
            }
        }
        for (Path d : includes) {
            if (!Files.isDirectory(d)) {
                throw new UsageException(d + ": no such folder (-I)");
            }
        }
        return new Options(List.copyOf(rdl), List.copyOf(rtl), top, Bus.named(bus), List.copyOf(includes), Optional.ofNullable(rdlTop),
                Optional.ofNullable(junit), seed, Map.copyOf(ties));
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long seed(String text) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed takes a number, not '" + text + "'");
        }
    }

    private static void tie(Map<String, String> ties, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UsageException("--tie takes PORT=VALUE (a SystemVerilog constant), not '" + text + "'");
        }
        ties.put(text.substring(0, eq), text.substring(eq + 1));
    }
}
