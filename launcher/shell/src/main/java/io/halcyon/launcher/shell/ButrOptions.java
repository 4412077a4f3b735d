package io.halcyon.launcher.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.launcher.registers.Numbers;

/**
 * The arguments of {@code hal:butr} and {@code hal:hitl}: what to test (a block, BLOCK.REGISTER or
 * --all), --seed N, --mode full|non-destructive, --junit FILE, and for hal:hitl --attached-only (the
 * platforms this host reaches, not every configured one). Bad input is a one-line error with the usage.
 */
record ButrOptions(TestRequest request, Optional<Path> junit, boolean attachedOnly) {

    static final String USAGE = "usage: hal:%s (BLOCK | BLOCK.REGISTER | --all) [--seed N] [--mode full|non-destructive] [--junit FILE]";
    static final String ATTACHED_ONLY = "--attached-only";

    static ButrOptions parse(String command, String... args) {
        String target = null;
        long seed = 0;
        TestMode mode = TestMode.FULL;
        Path junit = null;
        boolean attachedOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals(ATTACHED_ONLY) && command.equals("hitl")) {
                attachedOnly = true;
                continue;
            }
            switch (a) {
                case "--seed" -> seed = Numbers.parse(value(command, args, ++i, a), "--seed");
                case "--mode" -> mode = mode(command, value(command, args, ++i, a));
                case "--junit" -> junit = Path.of(value(command, args, ++i, a));
                default -> {
                    if (a.startsWith("--") && !a.equals("--all") || target != null) {
                        throw new IllegalArgumentException("unexpected '" + a + "'; " + usage(command));
                    }
                    target = a;
                }
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("say what to test; " + usage(command));
        }
        TestRequest request = TestRequest.wholeChip(0).withSeed(seed).withMode(mode);
        if (!target.equals("--all")) {
            int dot = target.indexOf('.');
            request = dot < 0 ? request.onBlock(target) : request.onRegister(target.substring(0, dot), target.substring(dot + 1));
        }
        return new ButrOptions(request, Optional.ofNullable(junit), attachedOnly);
    }

    /**
     * The command line again, from the options Gogo has already taken apart ({@code @Parameter}): parse
     * keeps the one set of checks (one target, a known mode, a number for the seed) and its messages.
     */
    static String[] arguments(boolean all, String seed, String mode, String junit, boolean attachedOnly, String... target) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(target));
        if (all) {
            args.add("--all");
        }
        args.addAll(java.util.List.of("--seed", seed, "--mode", mode));
        if (!junit.isEmpty()) {
            args.addAll(java.util.List.of("--junit", junit));
        }
        if (attachedOnly) {
            args.add(ATTACHED_ONLY);
        }
        return args.toArray(new String[0]);
    }

    static String usage(String command) {
        return String.format(USAGE, command) + (command.equals("hitl") ? " [" + ATTACHED_ONLY + "]" : "");
    }

    private static String value(String command, String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value; " + usage(command));
        }
        return args[i];
    }

    private static TestMode mode(String command, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "full" -> TestMode.FULL;
            case "non-destructive", "nondestructive" -> TestMode.NON_DESTRUCTIVE;
            default -> throw new IllegalArgumentException("unknown mode '" + text + "'; " + usage(command));
        };
    }
}
