package io.halcyon.launcher.webconsole;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Who may change the chip through the web console: a users file named by the host (framework property
 * {@value #PROPERTY}, from HALCYON_CONSOLE_USERS), one {@code user:pbkdf2-sha256:ITERATIONS:SALT:HASH}
 * line per user (salt and hash in Base64), as {@link #main} prints it. There is no default user and no
 * default password: without the file every change is refused. The file is read at each check, so a user
 * added or removed counts at once, without a restart.
 */
final class Credentials {

    static final String PROPERTY = "halcyon.console.users";
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;

    private final Path file;

    /** @param file the users file, or null when none is configured */
    Credentials(Path file) {
        this.file = file;
    }

    /** Where credentials come from, for the pages: the file, or that none is configured. */
    String describe() {
        return file == null ? "no users file is configured (" + PROPERTY + "); every change is refused" : "users file " + file;
    }

    /**
     * Checks a user and password.
     *
     * @return empty when they are good, else the one-line reason for refusing
     */
    Optional<String> refusal(String user, String password) {
        if (file == null) {
            return Optional.of("no credentials are configured for the web console (" + PROPERTY + "); changes are refused");
        }
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            return Optional.of("a change needs credentials: give a user and password");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.of("the users file " + file + " cannot be read; changes are refused");
        }
        for (String line : lines) {
            String[] parts = line.trim().split(":");
            if (parts.length == 5 && parts[0].equals(user) && parts[1].equals(SCHEME)) {
                try {
                    byte[] expected = Base64.getDecoder().decode(parts[4]);
                    byte[] actual = hash(password.toCharArray(), Base64.getDecoder().decode(parts[3]), Integer.parseInt(parts[2]), expected.length);
                    if (MessageDigest.isEqual(expected, actual)) {
                        return Optional.empty();
                    }
                } catch (IllegalArgumentException | GeneralSecurityException e) {
                    return Optional.of("the users file has a bad line for " + user + "; changes are refused");
                }
            }
        }
        return Optional.of("wrong user or password");
    }

    /** A users-file line for {@code user} with {@code password}, with a fresh random salt. */
    static String line(String user, char[] password) throws GeneralSecurityException {
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("a user name is not empty and has no ':'");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = hash(password, salt, ITERATIONS, 32);
        return user + ":" + SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static byte[] hash(char[] password, byte[] salt, int iterations, int bytes) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * {@code java -cp launcher-webconsole-*.jar io.halcyon.launcher.webconsole.Credentials USER}: reads the
     * password from the terminal (or one line of stdin) and prints the line to add to the users file.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Credentials USER   (the password is read from the terminal or stdin)");
            System.exit(2);
        }
        char[] password = System.console() != null ? System.console().readPassword("password for %s: ", args[0])
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine().toCharArray();
        System.out.println(line(args[0], password));
    }
}
