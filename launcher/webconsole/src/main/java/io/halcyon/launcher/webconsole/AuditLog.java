package io.halcyon.launcher.webconsole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Who changed what through the web console, and what was refused: one line per request that asked for
 * a change, appended to a file that outlives the host (framework property {@value #PROPERTY}, by default
 * {@code console-audit.log} in the update manager's state directory, beside its history) and forced to
 * the disk before the answer goes out.
 */
final class AuditLog {

    static final String PROPERTY = "halcyon.console.audit";

    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** e.g. {@code 2026-12-06T13:40:00Z alice@127.0.0.1 write sysctrl.SCRATCH 0x2a: wrote 0x0000002a to sysctrl.SCRATCH} */
    synchronized void record(String who, String from, String what, String outcome) {
        String line = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + (who == null || who.isBlank() ? "(no user)" : who) + "@" + from
                + " " + what + ": " + outcome.strip().replace('\n', ' ') + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new IllegalStateException("the audit log " + file + " cannot be written, so nothing was changed: " + e.getMessage(), e);
        }
    }

    /** The last {@code n} lines, newest last. */
    synchronized List<String> tail(int n) {
        try {
            List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            return new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()));
        } catch (IOException e) {
            return List.of("(the audit log " + file + " cannot be read: " + e.getMessage() + ")");
        }
    }
}
